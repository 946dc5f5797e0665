package org.apppasswords.auth;

import java.util.Optional;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apppasswords.audit.AuditLog;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.store.SecondFactorStore;
import org.apppasswords.store.TotpEnrolment;

/**
 * Login rules 3 and 4: anything not shaped like an app password. With TOTP enabled only
 * {@code primary$CODE} passes, split at the last {@code $}, where CODE is a fresh TOTP code or an
 * unused recovery code; without TOTP the primary password alone passes unless
 * {@code secondFactor.required=true}. The primary password is checked exactly once per attempt
 * (by James, or against a decoy for an unknown name: {@link PrimaryPasswordCheck}), and the second
 * factor is always computed (against a dummy enrolment when there is none), so that failures cost
 * the same. The {@link LoginThrottle} admits the attempt first (before it is checked); a locked
 * attempt still does all that work and then answers {@link SignInProof#LOCKED}, counting nothing
 * and spending no code.
 */
final class PrimaryPasswordLogin {
    private static final char CODE_SEPARATOR = '$';

    private final SecondFactorStore secondFactors;
    private final SecondFactorCheck secondFactorCheck;
    private final PrimaryPasswordCheck primaryPasswordCheck;
    private final boolean secondFactorRequired;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    PrimaryPasswordLogin(SecondFactorStore secondFactors, SecondFactorCheck secondFactorCheck, PrimaryPasswordCheck primaryPasswordCheck,
                         boolean secondFactorRequired, LoginThrottle throttle, AuditLog audit) {
        this.secondFactors = secondFactors;
        this.secondFactorCheck = secondFactorCheck;
        this.primaryPasswordCheck = primaryPasswordCheck;
        this.secondFactorRequired = secondFactorRequired;
        this.throttle = throttle;
        this.audit = audit;
    }

    /** The protocols' answer: true for a proof these rules accept; {@link SignInProof#LOCKED} and the rest are refusals. */
    static boolean accepts(SignInProof proof, boolean secondFactorRequired) {
        return proof == SignInProof.PRIMARY_PASSWORD_AND_SECOND_FACTOR
            || (proof == SignInProof.PRIMARY_PASSWORD && !secondFactorRequired);
    }

    boolean secondFactorRequired() {
        return secondFactorRequired;
    }

    /**
     * What {@code presented} proves, whatever {@code secondFactor.required} says: the self-service
     * sign-in accepts the bare primary password of a user without TOTP even then (that is how
     * users enrol). A matched code is spent only when the primary password matched too, and a TOTP
     * code not at all while the TOTP path is locked (a recovery code still is).
     */
    SignInProof prove(UsersRepository users, Username user, String presented, LoginOrigin origin) throws UsersRepositoryException {
        try (ThrottledAttempt attempt = throttle.begin(user, origin, presented)) {
            return prove(users, user, presented, origin, attempt);
        }
    }

    private SignInProof prove(UsersRepository users, Username user, String presented, LoginOrigin origin, ThrottledAttempt attempt)
            throws UsersRepositoryException {
        Optional<TotpEnrolment> enrolment = secondFactors.find(user);
        if (enrolment.isEmpty()) {
            secondFactorCheck.matchAgainstDummy(presented);
            boolean primaryMatches = primaryPasswordCheck.test(users, user, presented);
            if (attempt.locked() || !primaryMatches) {
                return refuse(attempt);
            }
            throttle.succeeded(attempt, false);
            return SignInProof.PRIMARY_PASSWORD;
        }
        int separator = presented.lastIndexOf(CODE_SEPARATOR);
        String primary = separator < 0 ? presented : presented.substring(0, separator);
        String code = separator < 0 ? "" : presented.substring(separator + 1);
        SecondFactorCheck.Match match = secondFactorCheck.match(enrolment.get(), code);
        boolean primaryMatches = primaryPasswordCheck.test(users, user, primary);
        if (attempt.locked() || !primaryMatches) {
            return refuse(attempt);
        }
        if (spend(attempt, match, user)) {
            throttle.succeeded(attempt, true);
            if (match.isRecoveryCode()) {
                audit.recoveryCodeUsed(user, origin);
            }
            return SignInProof.PRIMARY_PASSWORD_AND_SECOND_FACTOR;
        }
        throttle.failed(attempt);
        return SignInProof.NOTHING;
    }

    /**
     * Spends the code of an attempt whose primary password matched: a recovery code at once (it
     * opens a locked TOTP path), a TOTP code only once admitted on the TOTP path, so that a failure
     * from then on counts as a wrong code, and never while that path is locked.
     */
    boolean spend(ThrottledAttempt attempt, SecondFactorCheck.Match match, Username user) {
        if (match.isRecoveryCode()) {
            return match.consume(secondFactors, user);
        }
        return throttle.reserveSecondFactor(attempt) && match.consume(secondFactors, user);
    }

    private SignInProof refuse(ThrottledAttempt attempt) {
        throttle.failed(attempt);
        return attempt.locked() ? SignInProof.LOCKED : SignInProof.NOTHING;
    }
}
