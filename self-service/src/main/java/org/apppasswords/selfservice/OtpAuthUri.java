package org.apppasswords.selfservice;

import java.nio.charset.StandardCharsets;

import org.apache.james.core.Username;
import org.apppasswords.totp.TotpSecret;

/**
 * The {@code otpauth://totp/ISSUER:user?secret=...&issuer=...} URI authenticator apps read from
 * a QR code (Google Authenticator's key URI format). Label parts and the issuer are
 * percent-encoded as RFC 3986 asks: every byte of their UTF-8 form outside the unreserved set
 * ({@code A-Z a-z 0-9 - . _ ~}) becomes {@code %XX}, so {@code alice@demo.local} reads
 * {@code alice%40demo.local} and a space is {@code %20}, never {@code +}; the {@code :} between
 * issuer and account stays literal. SHA1, 6 digits and 30 seconds are the defaults of the format,
 * stated anyway. Secret: the URI contains the TOTP secret.
 */
final class OtpAuthUri {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private OtpAuthUri() {
    }

    /** Secret. */
    static String reveal(String issuer, Username user, TotpSecret secret) {
        String encodedIssuer = percentEncode(issuer);
        return "otpauth://totp/" + encodedIssuer + ':' + percentEncode(user.asString())
            + "?secret=" + secret.revealBase32()
            + "&issuer=" + encodedIssuer
            + "&algorithm=SHA1&digits=6&period=30";
    }

    static String percentEncode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return encoded.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
