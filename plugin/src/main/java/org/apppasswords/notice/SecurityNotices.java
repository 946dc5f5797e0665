package org.apppasswords.notice;

import java.util.Optional;

import org.apache.james.core.Username;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.scope.ProtocolScope;

/**
 * The events a user is told of by mail. Called where each happens, whatever route caused it; an
 * implementation returns at once, never throws, and never fails the action that caused the notice.
 */
public interface SecurityNotices {
    SecurityNotices NONE = new SecurityNotices() {
    };

    default void totpEnabled(Username user) {
    }

    default void totpDisabled(Username user) {
    }

    /** {@code address}: the client that asked for it. Remembered as known to that app password. */
    default void appPasswordCreated(Username user, String appPasswordId, String label, ProtocolScope protocols, Optional<String> address) {
    }

    default void appPasswordRevokedByAdmin(Username user, String label) {
    }

    default void appPasswordsRevokedByAdmin(Username user, int count) {
    }

    default void secondFactorResetByAdmin(Username user) {
    }

    default void recoveryCodeUsed(Username user, LoginOrigin origin) {
    }

    /** {@code appPasswordsRevoked}: empty when they were kept. */
    default void primaryPasswordChanged(Username user, Optional<Integer> appPasswordsRevoked) {
    }

    default void codesLocked(Username user, LoginOrigin origin) {
    }

    /** An accepted login with that app password: told to the user when it comes from an address it was never used from. */
    default void appPasswordUsed(Username user, String appPasswordId, String label, LoginOrigin origin) {
    }
}
