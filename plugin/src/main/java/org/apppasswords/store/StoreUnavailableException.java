package org.apppasswords.store;

/**
 * A store could not answer: its database is unreachable, timed out or refused the statement.
 * Logins treat it as a refusal (they fail closed). The message names the operation and the
 * database's own reason, never a secret: statements carry secrets only as bound parameters.
 */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
