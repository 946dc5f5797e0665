package org.apppasswords.login;

import java.time.Instant;

import org.apppasswords.activity.SignIn;
import org.apppasswords.audit.LoginOrigin;

/** A verdict as the user's sign-in history shows it: what was presented and how it ended, never why it was refused. */
final class SignIns {
    /** Where James named no protocol (a test's direct call). */
    static final String UNKNOWN_PROTOCOL = "-";

    private SignIns() {
    }

    static SignIn of(Verdict verdict, LoginOrigin origin, Instant at) {
        // As James gave them: the writer keeps only what a protocol name and an address may hold (SignIn.kept), off this thread.
        return new SignIn(at, origin.protocol().orElse(UNKNOWN_PROTOCOL), origin.address(), method(verdict),
            verdict.appPassword().map(entry -> entry.id().asString()), verdict.appPassword().map(entry -> entry.label()), outcome(verdict));
    }

    private static SignIn.Method method(Verdict verdict) {
        switch (verdict.proof()) {
            case APP_PASSWORD:
                return SignIn.Method.APP_PASSWORD;
            case TOTP_CODE:
                return SignIn.Method.PASSWORD_AND_CODE;
            case RECOVERY_CODE:
                return SignIn.Method.PASSWORD_AND_RECOVERY_CODE;
            case PRIMARY_PASSWORD:
                return SignIn.Method.PASSWORD;
            default:
                // Refused: the path the input's shape chose, which tells nothing the caller did not send.
                return verdict.method() == Verdict.Method.APP_PASSWORD ? SignIn.Method.APP_PASSWORD
                    : verdict.method() == Verdict.Method.CODE ? SignIn.Method.PASSWORD_AND_CODE : SignIn.Method.PASSWORD;
        }
    }

    private static SignIn.Outcome outcome(Verdict verdict) {
        if (verdict.accepted()) {
            return SignIn.Outcome.SUCCESS;
        }
        return verdict.outcome() == Verdict.Outcome.LOCKED ? SignIn.Outcome.LOCKED : SignIn.Outcome.REFUSED;
    }
}
