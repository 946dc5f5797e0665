package org.apppasswords.selfservice;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.apache.james.core.Username;

/**
 * The username and password of an {@code Authorization: Basic} header (RFC 7617, UTF-8), split at
 * the first colon. {@link #toString()} leaves the password out.
 */
final class BasicCredentials {
    private final Username user;
    private final String password;

    private BasicCredentials(Username user, String password) {
        this.user = user;
        this.password = password;
    }

    /** Empty when the header is missing or not well-formed Basic credentials with a valid username. */
    static Optional<BasicCredentials> parse(String header) {
        if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            byte[] decoded = Base64.getDecoder().decode(header.substring(6).trim());
            String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(decoded))
                .toString();
            int colon = text.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            return Optional.of(new BasicCredentials(Username.of(text.substring(0, colon)), text.substring(colon + 1)));
        } catch (IllegalArgumentException | CharacterCodingException e) {
            // Bad base64, bad UTF-8 or a name James refuses: no credentials at all.
            return Optional.empty();
        }
    }

    Username user() {
        return user;
    }

    /** Secret. */
    String revealPassword() {
        return password;
    }

    @Override
    public String toString() {
        return "BasicCredentials[user=" + user.asString() + ", password=[REDACTED]]";
    }
}
