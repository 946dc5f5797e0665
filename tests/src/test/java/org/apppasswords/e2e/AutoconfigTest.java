package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;

import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * Mozilla autoconfig on the JMAP port of a James whose {@code clients.*} say how clients reach
 * it: Thunderbird's two paths answer the configured servers for an address of James's domains,
 * with no password in them; any other domain answers 404.
 */
class AutoconfigTest {
    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withProperties("clients.imap=imap.example.com:993:tls\n"
        + "clients.smtp=smtp.example.com:587:starttls\nclients.pop3=pop.example.com:995:tls\n");

    private static Response get(String path) {
        return RestAssured.given().baseUri("http://127.0.0.1").port(james.ports().jmap).get(path);
    }

    @Test
    void bothPathsShouldAnswerTheConfiguredServersForAnAddressOfJamesDomains() throws Exception {
        for (String path : new String[] {"/.well-known/autoconfig/mail/config-v1.1.xml", "/mail/config-v1.1.xml"}) {
            Response answer = get(path + "?emailaddress=alice@" + JamesWithAppPasswords.DOMAIN);

            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.contentType()).startsWith("application/xml");
            Document config = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(answer.asByteArray()));
            XPath xpath = XPathFactory.newInstance().newXPath();
            assertThat(xpath.evaluate("/clientConfig/emailProvider/domain", config)).isEqualTo(JamesWithAppPasswords.DOMAIN);
            assertThat(xpath.evaluate("//incomingServer[@type='imap']/hostname", config)).isEqualTo("imap.example.com");
            assertThat(xpath.evaluate("//incomingServer[@type='imap']/port", config)).isEqualTo("993");
            assertThat(xpath.evaluate("//incomingServer[@type='imap']/socketType", config)).isEqualTo("SSL");
            assertThat(xpath.evaluate("//incomingServer[@type='pop3']/port", config)).isEqualTo("995");
            assertThat(xpath.evaluate("//outgoingServer[@type='smtp']/hostname", config)).isEqualTo("smtp.example.com");
            assertThat(xpath.evaluate("//outgoingServer[@type='smtp']/port", config)).isEqualTo("587");
            assertThat(xpath.evaluate("//outgoingServer[@type='smtp']/socketType", config)).isEqualTo("STARTTLS");
            assertThat(xpath.evaluate("//outgoingServer[@type='smtp']/username", config)).isEqualTo("%EMAILADDRESS%");
            assertThat(answer.asString()).doesNotContainIgnoringCase("password\"").doesNotContain("jap");
        }
    }

    @Test
    void anAddressOfAnotherDomainOrMalformedShouldBeNotFound() {
        assertThat(get("/mail/config-v1.1.xml?emailaddress=alice@elsewhere.example").statusCode()).isEqualTo(404);
        assertThat(get("/mail/config-v1.1.xml?emailaddress=no-domain").statusCode()).isEqualTo(404);
        assertThat(get("/mail/config-v1.1.xml?emailaddress=a@" + JamesWithAppPasswords.DOMAIN + "&emailaddress=b@x.example").statusCode())
            .isEqualTo(404);
    }

    @Test
    void withoutAnAddressThePlaceholdersShouldStand() {
        Response answer = get("/mail/config-v1.1.xml");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.asString()).contains("<domain>%EMAILDOMAIN%</domain>");
    }
}
