package org.apppasswords.selfservice.device;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.configuration.ClientSettings;
import org.apppasswords.configuration.ClientSettings.Server;

/**
 * An Apple configuration profile ({@code .mobileconfig}, an XML property list, unsigned) with one
 * {@code com.apple.mail.managed} payload: an IMAP account and its SMTP server from
 * {@code clients.imap} and {@code clients.smtp}, both logging in as the user with the app password.
 * {@code IncomingMailServerUseSSL}/{@code OutgoingMailServerUseSSL} are true for {@code tls} and
 * {@code starttls} alike: Apple's "use SSL" asks for TLS, which its Mail opens from the first byte
 * on the usual TLS ports (993, 465) and through STARTTLS on the others (143, 587); false would let
 * it send the password in clear. Identifiers are the reversed IMAP host, {@code apppasswords} and
 * the app password's public id, so that installing a profile again replaces the same account;
 * UUIDs come from the injected {@link SecureRandom}. The document is as secret as the password.
 */
public final class AppleProfile {
    public static final String CONTENT_TYPE = "application/x-apple-aspen-config";

    private final StringBuilder xml = new StringBuilder();

    private AppleProfile() {
    }

    public static byte[] render(ClientSettings clients, Username user, String label, AppPassword password, SecureRandom random) {
        Server imap = clients.imap().orElseThrow(() -> new IllegalStateException("Device setup needs clients.imap"));
        Server smtp = clients.smtp().orElseThrow(() -> new IllegalStateException("Device setup needs clients.smtp"));
        String identifier = reversed(imap.host()) + ".apppasswords." + password.id().asString();
        String name = user.asString();
        AppleProfile profile = new AppleProfile();
        profile.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        profile.line("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">");
        profile.line("<plist version=\"1.0\">");
        profile.line("<dict>");
        profile.line("<key>PayloadContent</key>");
        profile.line("<array>");
        profile.line("<dict>");
        profile.text("EmailAccountDescription", label);
        profile.text("EmailAccountName", name);
        profile.text("EmailAccountType", "EmailTypeIMAP");
        profile.text("EmailAddress", name);
        profile.text("IncomingMailServerAuthentication", "EmailAuthPassword");
        profile.text("IncomingMailServerHostName", imap.host());
        profile.integer("IncomingMailServerPortNumber", imap.port());
        profile.bool("IncomingMailServerUseSSL", true);
        profile.text("IncomingMailServerUsername", name);
        profile.text("IncomingPassword", password.reveal());
        profile.text("OutgoingMailServerAuthentication", "EmailAuthPassword");
        profile.text("OutgoingMailServerHostName", smtp.host());
        profile.integer("OutgoingMailServerPortNumber", smtp.port());
        profile.bool("OutgoingMailServerUseSSL", true);
        profile.text("OutgoingMailServerUsername", name);
        profile.text("OutgoingPassword", password.reveal());
        profile.bool("OutgoingPasswordSameAsIncomingPassword", true);
        profile.text("PayloadDescription", "Mail account " + name + " with an app password");
        profile.text("PayloadDisplayName", "Mail: " + label);
        profile.text("PayloadIdentifier", identifier + ".mail");
        profile.text("PayloadType", "com.apple.mail.managed");
        profile.text("PayloadUUID", uuid(random));
        profile.integer("PayloadVersion", 1);
        profile.line("</dict>");
        profile.line("</array>");
        profile.text("PayloadDescription", "Sets up " + name + " in Mail with its own app password, revocable on its own.");
        profile.text("PayloadDisplayName", "Mail account " + name);
        profile.text("PayloadIdentifier", identifier);
        profile.bool("PayloadRemovalDisallowed", false);
        profile.text("PayloadType", "Configuration");
        profile.text("PayloadUUID", uuid(random));
        profile.integer("PayloadVersion", 1);
        profile.line("</dict>");
        profile.line("</plist>");
        return profile.xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code imap.example.com} gives {@code com.example.imap}: the reverse-DNS style Apple's identifiers use. */
    private static String reversed(String host) {
        List<String> labels = Arrays.asList(host.toLowerCase(Locale.ROOT).split("\\."));
        Collections.reverse(labels);
        return String.join(".", labels).replaceAll("[^a-z0-9.-]", "-");
    }

    /** A version 4 UUID from 122 bits of {@code random}. */
    private static String uuid(SecureRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (bytes[i] & 0xff);
            low = (low << 8) | (bytes[i + 8] & 0xff);
        }
        return new UUID(high, low).toString().toUpperCase(Locale.ROOT);
    }

    private void text(String key, String value) {
        line("<key>" + key + "</key><string>" + escaped(value) + "</string>");
    }

    private void integer(String key, int value) {
        line("<key>" + key + "</key><integer>" + value + "</integer>");
    }

    private void bool(String key, boolean value) {
        line("<key>" + key + "</key>" + (value ? "<true/>" : "<false/>"));
    }

    private void line(String text) {
        xml.append(text).append('\n');
    }

    private static String escaped(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }
}
