package org.apppasswords.auth;

import java.time.Instant;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apppasswords.apppassword.AppPasswordFormat;
import org.apppasswords.audit.AuditLog;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.store.SecondFactorStore;
import org.apppasswords.store.TotpEnrolment;

/**
 * The checks of the self-service API, stricter than the protocols': app passwords are refused
 * outright (an app password must never mint, list or revoke secrets or touch the second factor),
 * and everything else follows the primary path of the login rules, sharing the last-used-step
 * state and the failure counters ({@link LoginThrottle}) with every protocol login: a code spent
 * here is spent everywhere, and a guess here counts as a guess over IMAP would.
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
    private final LoginThrottle throttle;
    private final AuditLog audit;

    SelfServiceSignIn(UsersRepository primaryPasswords, PrimaryPasswordLogin primaryPasswordLogin, PrimaryPasswordCheck primaryPasswordCheck,
                      SecondFactorStore secondFactors, SecondFactorCheck secondFactorCheck, LoginThrottle throttle, AuditLog audit) {
        this.primaryPasswords = primaryPasswords;
        this.primaryPasswordLogin = primaryPasswordLogin;
        this.primaryPasswordCheck = primaryPasswordCheck;
        this.secondFactors = secondFactors;
        this.secondFactorCheck = secondFactorCheck;
        this.throttle = throttle;
        this.audit = audit;
    }

    /** {@link #signIn(Username, String, LoginOrigin)} from an unknown address (tests). */
    public SignInProof signIn(Username user, String presented) throws UsersRepositoryException {
        return signIn(user, presented, LoginOrigin.unknown());
    }

    /**
     * Sign-in: the primary password alone while the user has no TOTP (even when
     * {@code secondFactor.required=true}), {@code primary$CODE} or {@code primary$RECOVERYCODE}
     * once TOTP is on. Anything shaped like an app password proves {@link SignInProof#NOTHING};
     * {@link SignInProof#LOCKED} when {@code origin}'s address or the account is locked out.
     * Every refusal is written to the audit log.
     */
    public SignInProof signIn(Username user, String presented, LoginOrigin origin) throws UsersRepositoryException {
        if (isAppPasswordOrEmpty(presented)) {
            audit.loginRefused(user, origin, presented == null || presented.isEmpty() ? "primary" : "app-password");
            return SignInProof.NOTHING;
        }
        SignInProof proof = primaryPasswordLogin.prove(primaryPasswords, user, presented, origin);
        if (proof == SignInProof.NOTHING || proof == SignInProof.LOCKED) {
            audit.loginRefused(user, origin, "primary");
        }
        return proof;
    }

    /** When the lockout of {@code origin}'s address or of the account ends; empty when the primary path is open. */
    public Optional<Instant> lockedUntil(Username user, LoginOrigin origin) {
        return throttle.lockedUntil(user, origin);
    }

    /** {@link #checkPrimaryPassword} as a yes or no, from an unknown address (tests). */
    public boolean primaryPasswordMatches(Username user, String primary) throws UsersRepositoryException {
        return checkPrimaryPassword(user, primary, LoginOrigin.unknown()) == SignInProof.PRIMARY_PASSWORD;
    }

    /**
     * The bare primary password, asked again before minting permanent access. Spends no code; counts
     * a wrong one like a failed login: {@link SignInProof#PRIMARY_PASSWORD}, {@link SignInProof#NOTHING}
     * or {@link SignInProof#LOCKED}.
     */
    public SignInProof checkPrimaryPassword(Username user, String primary, LoginOrigin origin) throws UsersRepositoryException {
        if (isAppPasswordOrEmpty(primary)) {
            return SignInProof.NOTHING;
        }
        try (ThrottledAttempt attempt = throttle.begin(user, origin, primary)) {
            boolean matches = primaryPasswordCheck.test(primaryPasswords, user, primary);
            if (attempt.locked() || !matches) {
                throttle.failed(attempt);
                audit.loginRefused(user, origin, "primary");
                return attempt.locked() ? SignInProof.LOCKED : SignInProof.NOTHING;
            }
            throttle.succeeded(attempt, false);
            return SignInProof.PRIMARY_PASSWORD;
        }
    }

    /** {@link #spendSecondFactorCode(Username, String, LoginOrigin)} as a yes or no, from an unknown address (tests). */
    public boolean spendSecondFactorCode(Username user, String code) {
        return spendSecondFactorCode(user, code, LoginOrigin.unknown()) == SignInProof.PRIMARY_PASSWORD_AND_SECOND_FACTOR;
    }

    /**
     * Spends a fresh TOTP code (a step later than the last one accepted for the user, on any
     * protocol) or an unused recovery code of the user's enabled enrolment; a wrong one counts
     * against the TOTP path (the session already proved the primary password), and a TOTP code is
     * refused while that path is locked.
     *
     * @return {@link SignInProof#PRIMARY_PASSWORD_AND_SECOND_FACTOR} when spent; {@link SignInProof#NOTHING}
     *     when TOTP is off or the code is wrong, replayed or used; {@link SignInProof#LOCKED}
     */
    public SignInProof spendSecondFactorCode(Username user, String code, LoginOrigin origin) {
        Optional<TotpEnrolment> enrolment = secondFactors.find(user);
        if (enrolment.isEmpty()) {
            secondFactorCheck.matchAgainstDummy(code);
            return SignInProof.NOTHING;
        }
        try (ThrottledAttempt attempt = throttle.begin(user, origin, code == null ? "" : code)) {
            SecondFactorCheck.Match match = secondFactorCheck.match(enrolment.get(), code);
            if (!attempt.locked() && primaryPasswordLogin.spend(attempt, match, user)) {
                throttle.succeeded(attempt, true);
                return SignInProof.PRIMARY_PASSWORD_AND_SECOND_FACTOR;
            }
            throttle.failed(attempt);
            audit.loginRefused(user, origin, "second-factor");
            return attempt.locked() ? SignInProof.LOCKED : SignInProof.NOTHING;
        }
    }

    private static boolean isAppPasswordOrEmpty(String presented) {
        return presented == null || presented.isEmpty() || AppPasswordFormat.recognise(presented).isPresent();
    }
}
