package org.apppasswords.store;

/**
 * A creation was refused because the user's secrets were revoked after it was authorised (see
 * {@link UserGenerations}): its authorisation may no longer hold. The message is safe to show.
 */
public final class ChangedMeanwhileException extends RuntimeException {
    public ChangedMeanwhileException() {
        super("Your sign-in, password or second factor changed meanwhile: sign in again and retry");
    }
}
