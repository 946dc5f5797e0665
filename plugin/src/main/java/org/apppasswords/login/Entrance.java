package org.apppasswords.login;

/**
 * Where a login is checked. Every entrance runs the same pipeline ({@link LoginPipeline}); they
 * differ only in what they accept, because they grant different things.
 */
public enum Entrance {
    /**
     * IMAP, POP3, SMTP AUTH, JMAP Basic and ManageSieve: the login rules as written. App passwords;
     * {@code primary$CODE} once TOTP is on; the primary password alone otherwise, unless
     * {@code secondFactor.required=true}.
     */
    PROTOCOL,
    /**
     * An endpoint that turns one check into a token nothing re-checks (draft-JMAP
     * {@code /authentication}): only the primary password alone of a user without TOTP, while
     * {@code secondFactor.required=false}. A code sent here is never spent.
     */
    TOKEN,
    /**
     * The self-service sign-in: never an app password; the primary password alone while TOTP is off
     * (even when {@code secondFactor.required=true}: that is how users enrol), {@code primary$CODE}
     * or {@code primary$RECOVERYCODE} once it is on.
     */
    SIGN_IN,
    /** The primary password asked again before a session mints something lasting: the primary password alone, never a code. */
    STEP_UP,
    /** A code alone, from a session that proved the primary password already (turning TOTP off). */
    CODE
}
