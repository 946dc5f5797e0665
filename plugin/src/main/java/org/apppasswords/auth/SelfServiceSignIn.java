package org.apppasswords.auth;

import java.util.Optional;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apppasswords.apppassword.AppPasswordFormat;
import org.apppasswords.store.SecondFactorStore;
import org.apppasswords.store.TotpEnrolment;

/**
 * The checks of the self-service API, stricter than the protocols': app passwords are refused
 * outright (an app password must never mint, list or revoke secrets or touch the second factor),
 * and everything else follows the primary path of the login rules, sharing the last-used-step
 * state with every protocol login (a code spent here is spent everywhere, and the reverse).
 *
 * <p>Primary passwords are checked with the repository James configured, never through the
 * decorator, exactly as {@link PrimaryPasswordOnlyUsersRepository} does.
 */
public final class SelfServiceSignIn {
    private final UsersRepository primaryPasswords;
    private final PrimaryPasswordLogin primaryPasswordLogin;
    private final PrimaryPasswordCheck primaryPasswordCheck;
    private final SecondFactorStore secondFactors;
    private final SecondFactorCheck secondFactorCheck;

    SelfServiceSignIn(UsersRepository primaryPasswords, PrimaryPasswordLogin primaryPasswordLogin, PrimaryPasswordCheck primaryPasswordCheck,
                      SecondFactorStore secondFactors, SecondFactorCheck secondFactorCheck) {
        this.primaryPasswords = primaryPasswords;
        this.primaryPasswordLogin = primaryPasswordLogin;
        this.primaryPasswordCheck = primaryPasswordCheck;
        this.secondFactors = secondFactors;
        this.secondFactorCheck = secondFactorCheck;
    }

    /**
     * Sign-in: the primary password alone while the user has no TOTP (even when
     * {@code secondFactor.required=true}), {@code primary$CODE} or {@code primary$RECOVERYCODE}
     * once TOTP is on. Anything shaped like an app password proves {@link SignInProof#NOTHING}.
     */
    public SignInProof signIn(Username user, String presented) throws UsersRepositoryException {
        if (isAppPasswordOrEmpty(presented)) {
            return SignInProof.NOTHING;
        }
        return primaryPasswordLogin.prove(primaryPasswords, user, presented);
    }

    /** The bare primary password, asked again before minting permanent access. Spends no code. */
    public boolean primaryPasswordMatches(Username user, String primary) throws UsersRepositoryException {
        if (isAppPasswordOrEmpty(primary)) {
            return false;
        }
        return primaryPasswordCheck.test(primaryPasswords, user, primary);
    }

    /**
     * Spends a fresh TOTP code (a step later than the last one accepted for the user, on any
     * protocol) or an unused recovery code of the user's enabled enrolment.
     *
     * @return false when TOTP is off, or the code is wrong, replayed or already used
     */
    public boolean spendSecondFactorCode(Username user, String code) {
        Optional<TotpEnrolment> enrolment = secondFactors.find(user);
        if (enrolment.isEmpty()) {
            secondFactorCheck.matchAgainstDummy(code);
            return false;
        }
        return secondFactorCheck.match(enrolment.get(), code).consume(secondFactors, user);
    }

    private static boolean isAppPasswordOrEmpty(String presented) {
        return presented == null || presented.isEmpty() || AppPasswordFormat.recognise(presented).isPresent();
    }
}
