package org.apppasswords.selfservice.device;

import java.util.List;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.configuration.ClientSettings;
import org.apppasswords.configuration.ClientSettings.Security;
import org.apppasswords.configuration.ClientSettings.Server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The text of a QR code that Thunderbird for Android imports as an account: Thunderbird's "Export
 * for Mobile" format, version 1 (thunderbird-android, {@code feature/migration/qrcode/qr-code-format.md}),
 * JSON arrays in a fixed order:
 * <pre>
 * [1, [1, 1],
 *  [0, "imap.example.com", 993, 3, 1, "alice@example.com", "Phone", "japqd3k7va..."],
 *  [[[0, "smtp.example.com", 587, 2, 1, "alice@example.com", "japqd3k7va..."], ["alice@example.com", "alice"]]]]
 * </pre>
 * format version 1; QR code 1 of 1; the IMAP server (protocol 0, host, port, connection security
 * 3 for TLS or 2 for STARTTLS, authentication 1 for a password sent in clear inside that TLS, user
 * name, account name: the app password's label, password); one group of an SMTP server (protocol
 * 0, then the same fields without account name) and its identity (address, display name: the
 * address's local part). The text is as secret as the password.
 */
public final class ThunderbirdAndroidQr {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FORMAT_VERSION = 1;
    private static final int IMAP = 0;
    private static final int SMTP = 0;
    private static final int PASSWORD_CLEARTEXT = 1;

    private ThunderbirdAndroidQr() {
    }

    public static String payload(ClientSettings clients, Username user, String label, AppPassword password) {
        Server imap = clients.imap().orElseThrow(() -> new IllegalStateException("Device setup needs clients.imap"));
        Server smtp = clients.smtp().orElseThrow(() -> new IllegalStateException("Device setup needs clients.smtp"));
        String name = user.asString();
        List<Object> incoming = List.of(IMAP, imap.host(), imap.port(), security(imap), PASSWORD_CLEARTEXT, name, label, password.reveal());
        List<Object> outgoing = List.of(SMTP, smtp.host(), smtp.port(), security(smtp), PASSWORD_CLEARTEXT, name, password.reveal());
        List<Object> identity = List.of(name, user.getLocalPart());
        List<Object> document = List.of(FORMAT_VERSION, List.of(1, 1), incoming, List.of(List.of(outgoing, identity)));
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Lists of strings and numbers always write as JSON", e);
        }
    }

    /** The format's {@code ConnectionSecurity}: 3 is TLS from the first byte, 2 is STARTTLS always. */
    private static int security(Server server) {
        return server.security() == Security.TLS ? 3 : 2;
    }
}
