package org.apppasswords.selfservice.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.configuration.ClientSettings;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class AppleProfileTest {
    private static final Username ALICE = Username.of("alice@example.com");

    private static Document parse(byte[] profile) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // The DOCTYPE names Apple's DTD: never fetched.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(profile));
    }

    /** The value element following {@code <key>name</key>} in the mail payload. */
    private static String mail(XPath xpath, Document profile, String key) throws Exception {
        return xpath.evaluate("/plist/dict/array/dict/key[.='" + key + "']/following-sibling::*[1]", profile);
    }

    private static String mailElement(XPath xpath, Document profile, String key) throws Exception {
        return xpath.evaluate("name(/plist/dict/array/dict/key[.='" + key + "']/following-sibling::*[1])", profile);
    }

    @Test
    void theMailPayloadShouldCarryTheServersTheUserAndThePassword() throws Exception {
        ClientSettings clients = DeviceFixtures.clients("clients.imap=imap.example.com:993:tls", "clients.smtp=smtp.example.com:587:starttls");
        AppPassword password = DeviceFixtures.newPassword();

        Document profile = parse(AppleProfile.render(clients, ALICE, "Phone", password, new SecureRandom()));
        XPath xpath = XPathFactory.newInstance().newXPath();

        assertThat(mail(xpath, profile, "PayloadType")).isEqualTo("com.apple.mail.managed");
        assertThat(mail(xpath, profile, "EmailAccountType")).isEqualTo("EmailTypeIMAP");
        assertThat(mail(xpath, profile, "EmailAccountDescription")).isEqualTo("Phone");
        assertThat(mail(xpath, profile, "EmailAddress")).isEqualTo("alice@example.com");
        assertThat(mail(xpath, profile, "IncomingMailServerHostName")).isEqualTo("imap.example.com");
        assertThat(mail(xpath, profile, "IncomingMailServerPortNumber")).isEqualTo("993");
        assertThat(mailElement(xpath, profile, "IncomingMailServerUseSSL")).isEqualTo("true");
        assertThat(mail(xpath, profile, "IncomingMailServerUsername")).isEqualTo("alice@example.com");
        assertThat(mail(xpath, profile, "IncomingPassword")).isEqualTo(password.reveal());
        assertThat(mail(xpath, profile, "OutgoingMailServerHostName")).isEqualTo("smtp.example.com");
        assertThat(mail(xpath, profile, "OutgoingMailServerPortNumber")).isEqualTo("587");
        assertThat(mailElement(xpath, profile, "OutgoingMailServerUseSSL")).as("STARTTLS is TLS too").isEqualTo("true");
        assertThat(mail(xpath, profile, "OutgoingPassword")).isEqualTo(password.reveal());
        assertThat(mail(xpath, profile, "PayloadIdentifier")).isEqualTo("com.example.imap.apppasswords." + password.id().asString() + ".mail");
        assertThat(xpath.evaluate("/plist/dict/key[.='PayloadType']/following-sibling::*[1]", profile)).isEqualTo("Configuration");
        assertThat(xpath.evaluate("/plist/dict/key[.='PayloadIdentifier']/following-sibling::*[1]", profile))
            .isEqualTo("com.example.imap.apppasswords." + password.id().asString());
    }

    @Test
    void uuidsShouldBeFreshVersionFourUuids() throws Exception {
        ClientSettings clients = DeviceFixtures.clients("clients.imap=imap.example.com:993:tls", "clients.smtp=smtp.example.com:465:tls");
        Document profile = parse(AppleProfile.render(clients, ALICE, "Phone", DeviceFixtures.newPassword(), new SecureRandom()));
        XPath xpath = XPathFactory.newInstance().newXPath();

        String outer = xpath.evaluate("/plist/dict/key[.='PayloadUUID']/following-sibling::*[1]", profile);
        String inner = mail(xpath, profile, "PayloadUUID");

        assertThat(outer).matches("[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}");
        assertThat(inner).matches("[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}").isNotEqualTo(outer);
    }

    @Test
    void aLabelWithMarkupShouldStayText() throws Exception {
        ClientSettings clients = DeviceFixtures.clients("clients.imap=imap.example.com:993:tls", "clients.smtp=smtp.example.com:465:tls");
        String label = "<key>IncomingPassword</key><string>x</string> & \"'";

        byte[] rendered = AppleProfile.render(clients, ALICE, label, DeviceFixtures.newPassword(), new SecureRandom());
        Document profile = parse(rendered);

        assertThat(mail(XPathFactory.newInstance().newXPath(), profile, "EmailAccountDescription")).isEqualTo(label);
        assertThat(new String(rendered, StandardCharsets.UTF_8)).containsOnlyOnce("<key>IncomingPassword</key>");
    }
}
