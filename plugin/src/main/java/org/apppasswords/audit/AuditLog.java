package org.apppasswords.audit;

import java.time.Instant;
import java.util.Optional;

import org.apache.james.core.Username;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per security event on the dedicated logger {@value #LOGGER_NAME}, in a stable format
 * that operators and fail2ban parse:
 * <pre>app-passwords-audit event=login-refused user=alice@example.com address=203.0.113.7 protocol=IMAP method=primary</pre>
 * Every value is {@link #escape escaped}, so a name chosen by an attacker cannot forge a field or
 * a line. No line ever carries a secret: an app password appears only by its public id.
 */
public final class AuditLog {
    public static final String LOGGER_NAME = "org.apppasswords.audit";
    static final String PREFIX = "app-passwords-audit";
    private static final Logger LOGGER = LoggerFactory.getLogger(LOGGER_NAME);

    /**
     * Who acted: the user through self-service, an admin through WebAdmin, or James itself when a
     * primary password change ({@code onPrimaryPasswordChange=revoke-all}) or a user's removal
     * revoked the app passwords.
     */
    public enum Actor {
        USER("user"), ADMIN("admin"), PRIMARY_PASSWORD_CHANGE("primary-password-change"), USER_REMOVAL("user-removal");

        private final String value;

        Actor(String value) {
            this.value = value;
        }
    }

    /** {@code protocols}: {@code all}, or the protocols it is limited to ({@code smtp}, {@code imap,jmap}). */
    public void appPasswordCreated(Username user, String id, String protocols) {
        write("app-password-created", user, "id", id, "protocols", protocols, "by", Actor.USER.value);
    }

    public void appPasswordRevoked(Username user, String id, Actor actor) {
        write("app-password-revoked", user, "id", id, "by", actor.value);
    }

    public void appPasswordsRevokedAll(Username user, Actor actor) {
        write("app-passwords-revoked-all", user, "by", actor.value);
    }

    public void totpEnabled(Username user) {
        write("totp-enabled", user);
    }

    public void totpDisabled(Username user) {
        write("totp-disabled", user);
    }

    public void totpResetByAdmin(Username user) {
        write("totp-reset", user, "by", Actor.ADMIN.value);
    }

    public void recoveryCodeUsed(Username user, LoginOrigin origin) {
        write("recovery-code-used", user, "address", origin.address().orElse("-"), "protocol", origin.protocol().orElse("-"));
    }

    /** {@code method} is {@code app-password} or {@code primary}: the path the shape of the input chose, never the reason. */
    public void loginRefused(Username user, LoginOrigin origin, String method) {
        write("login-refused", user, "address", origin.address().orElse("-"), "protocol", origin.protocol().orElse("-"),
            "method", method);
    }

    /** {@code scope} names what is locked (for example {@code account}, {@code address}, {@code totp}). */
    public void lockoutStarted(Username user, LoginOrigin origin, String scope, Optional<Instant> until) {
        write("lockout-started", user, "address", origin.address().orElse("-"), "scope", scope,
            "until", until.map(Instant::toString).orElse("-"));
    }

    private static void write(String event, Username user, String... keysAndValues) {
        if (!LOGGER.isInfoEnabled()) {
            return;
        }
        StringBuilder line = new StringBuilder(PREFIX)
            .append(" event=").append(event)
            .append(" user=").append(escape(user.asString()));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            line.append(' ').append(keysAndValues[i]).append('=').append(escape(keysAndValues[i + 1]));
        }
        LOGGER.info(line.toString());
    }

    /** Percent-encodes everything but letters, digits and {@code .-_@:+}, so a value is one field of one line. */
    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (isPlain(c)) {
                escaped.append(c);
            } else {
                escaped.append(String.format("%%%02X", (int) c & 0xFFFF));
            }
        }
        return escaped.toString();
    }

    private static boolean isPlain(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == '.' || c == '-' || c == '_' || c == '@' || c == ':' || c == '+';
    }
}
