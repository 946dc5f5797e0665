package org.apppasswords.auth;

import java.util.Optional;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apppasswords.store.SecondFactorStore;
import org.apppasswords.store.TotpEnrolment;

/**
 * Login rules 3 and 4: anything not shaped like an app password. With TOTP enabled only
 * {@code primary$CODE} passes, split at the last {@code $}, where CODE is a fresh TOTP code or an
 * unused recovery code; without TOTP the primary password alone passes unless
 * {@code secondFactor.required=true}. The primary password is checked exactly once per attempt
 * (by James, or against a decoy for an unknown name: {@link PrimaryPasswordCheck}), and the second
 * factor is always computed (against a dummy enrolment when there is none), so that failures cost
 * the same.
 */
final class PrimaryPasswordLogin {
    private static final char CODE_SEPARATOR = '$';

    private final SecondFactorStore secondFactors;
    private final SecondFactorCheck secondFactorCheck;
    private final PrimaryPasswordCheck primaryPasswordCheck;
    private final boolean secondFactorRequired;

    PrimaryPasswordLogin(SecondFactorStore secondFactors, SecondFactorCheck secondFactorCheck, PrimaryPasswordCheck primaryPasswordCheck,
                         boolean secondFactorRequired) {
        this.secondFactors = secondFactors;
        this.secondFactorCheck = secondFactorCheck;
        this.primaryPasswordCheck = primaryPasswordCheck;
        this.secondFactorRequired = secondFactorRequired;
    }

    boolean test(UsersRepository users, Username user, String presented) throws UsersRepositoryException {
        SignInProof proof = prove(users, user, presented);
        return proof == SignInProof.PRIMARY_PASSWORD_AND_SECOND_FACTOR
            || (proof == SignInProof.PRIMARY_PASSWORD && !secondFactorRequired);
    }

    /**
     * What {@code presented} proves, whatever {@code secondFactor.required} says: the self-service
     * sign-in accepts the bare primary password of a user without TOTP even then (that is how
     * users enrol). A matched code is spent only when the primary password matched too.
     */
    SignInProof prove(UsersRepository users, Username user, String presented) throws UsersRepositoryException {
        Optional<TotpEnrolment> enrolment = secondFactors.find(user);
        if (enrolment.isEmpty()) {
            secondFactorCheck.matchAgainstDummy(presented);
            boolean primaryMatches = primaryPasswordCheck.test(users, user, presented);
            return primaryMatches ? SignInProof.PRIMARY_PASSWORD : SignInProof.NOTHING;
        }
        int separator = presented.lastIndexOf(CODE_SEPARATOR);
        String primary = separator < 0 ? presented : presented.substring(0, separator);
        String code = separator < 0 ? "" : presented.substring(separator + 1);
        SecondFactorCheck.Match match = secondFactorCheck.match(enrolment.get(), code);
        boolean primaryMatches = primaryPasswordCheck.test(users, user, primary);
        return primaryMatches && match.consume(secondFactors, user) ? SignInProof.PRIMARY_PASSWORD_AND_SECOND_FACTOR : SignInProof.NOTHING;
    }
}
