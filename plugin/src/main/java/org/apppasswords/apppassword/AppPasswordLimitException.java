package org.apppasswords.apppassword;

/** The user already holds {@code appPasswords.maxPerUser} app passwords. Safe to show a client. */
public final class AppPasswordLimitException extends RuntimeException {
    public AppPasswordLimitException(int maxPerUser) {
        super("This account already holds the maximum of " + maxPerUser + " app passwords; revoke one first");
    }
}
