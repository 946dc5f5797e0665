package org.apppasswords.login;

import java.util.Optional;

import org.apache.james.core.Username;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.throttle.Check;
import org.apppasswords.throttle.Guarded;
import org.apppasswords.throttle.Throttle;
import org.apppasswords.totp.CodeCheck;
import org.apppasswords.totp.CodeMatch;
import org.apppasswords.totp.SecondFactorStore;
import org.apppasswords.totp.TotpEnrolment;

/**
 * Login rules 3 and 4: anything not shaped like an app password. With TOTP enabled only
 * {@code primary$CODE} passes, split at the last {@code $}, where CODE is a fresh TOTP code or an
 * unused recovery code; without TOTP the primary password alone passes unless
 * {@code secondFactor.required=true}; each {@link Entrance} narrows this further. Every attempt is
 * guarded by the {@link Throttle} and does the same work whatever the outcome: the enrolment read,
 * the code checked (against a dummy enrolment when there is none), the primary password checked
 * once (by James, or against the decoy for an unknown name or a locked attempt), and every refusal
 * delayed alike ({@link PrimaryPasswords#delayRefusal}).
 */
public final class PrimaryCheck {
    private static final char CODE_SEPARATOR = '$';

    private final Throttle throttle;
    private final SecondFactorStore secondFactors;
    private final CodeCheck codes;
    private final PrimaryPasswords primaryPasswords;
    private final boolean secondFactorRequired;
    private final int maxFailedCodes;

    public PrimaryCheck(Throttle throttle, SecondFactorStore secondFactors, CodeCheck codes, PrimaryPasswords primaryPasswords,
                 boolean secondFactorRequired, int maxFailedCodes) {
        this.throttle = throttle;
        this.secondFactors = secondFactors;
        this.codes = codes;
        this.primaryPasswords = primaryPasswords;
        this.secondFactorRequired = secondFactorRequired;
        this.maxFailedCodes = maxFailedCodes;
    }

    Verdict check(Entrance entrance, Username user, String presented, LoginOrigin origin) {
        Attempt attempt = new Attempt(entrance, user, presented);
        Guarded guarded = throttle.guard(user, origin, presented, attempt);
        Verdict verdict = guarded.lockedUntil().map(until -> Verdict.locked(attempt.method(), until)).orElseGet(() -> attempt.verdict);
        if (!verdict.accepted()) {
            primaryPasswords.delayRefusal();
        }
        return verdict;
    }

    private final class Attempt implements Check {
        private final Entrance entrance;
        private final Username user;
        private final String presented;
        private Verdict verdict;

        Attempt(Entrance entrance, Username user, String presented) {
            this.entrance = entrance;
            this.user = user;
            this.presented = presented;
        }

        Verdict.Method method() {
            return entrance == Entrance.CODE ? Verdict.Method.CODE : Verdict.Method.PRIMARY;
        }

        @Override
        public Outcome run() {
            Optional<TotpEnrolment> enrolment = secondFactors.find(user);
            boolean withCode = enrolment.isPresent() && (entrance == Entrance.PROTOCOL || entrance == Entrance.SIGN_IN);
            int separator = withCode ? presented.lastIndexOf(CODE_SEPARATOR) : -1;
            String primary = entrance == Entrance.CODE ? "" : separator < 0 ? presented : presented.substring(0, separator);
            String code = entrance == Entrance.CODE ? presented : separator < 0 ? "" : presented.substring(separator + 1);
            CodeMatch match = codes.match(enrolment, code);
            // The code alone: the session it comes from proved the primary password already.
            PrimaryPasswords.Result primaryResult = entrance == Entrance.CODE ? PrimaryPasswords.Result.MATCHES
                : primaryPasswords.verify(user, primary);
            verdict = primaryResult == PrimaryPasswords.Result.MATCHES ? decide(enrolment, match) : Verdict.refused(method());
            return verdict.accepted() ? Outcome.ACCEPTED
                : primaryResult == PrimaryPasswords.Result.UNKNOWN_USER ? Outcome.REFUSED_UNKNOWN_ACCOUNT : Outcome.REFUSED;
        }

        @Override
        public void imitate() {
            codes.match(secondFactors.find(user), "");
            primaryPasswords.imitate(presented);
        }

        /** The primary password matched (or the session proved it): what this entrance makes of the second factor. */
        private Verdict decide(Optional<TotpEnrolment> enrolment, CodeMatch match) {
            if (enrolment.isEmpty()) {
                boolean allowed = entrance == Entrance.SIGN_IN || entrance == Entrance.STEP_UP
                    || (!secondFactorRequired && entrance != Entrance.CODE);
                return allowed ? Verdict.accepted(method(), Verdict.Proof.PRIMARY_PASSWORD) : Verdict.refused(method());
            }
            switch (entrance) {
                case STEP_UP:
                    return Verdict.accepted(method(), Verdict.Proof.PRIMARY_PASSWORD);
                case TOKEN:
                    // A token nothing re-checks would outlive a revocation: a TOTP user's right password is a failure here.
                    return Verdict.refused(method());
                default:
                    return settle(match);
            }
        }

        private Verdict settle(CodeMatch match) {
            switch (match.settle(secondFactors, user, maxFailedCodes)) {
                case ACCEPTED_TOTP_CODE:
                    return Verdict.accepted(method(), Verdict.Proof.TOTP_CODE);
                case ACCEPTED_RECOVERY_CODE:
                    return Verdict.accepted(method(), Verdict.Proof.RECOVERY_CODE);
                case REFUSED_AND_LOCKED:
                    return Verdict.refusedLockingCodes(method());
                default:
                    return Verdict.refused(method());
            }
        }
    }
}
