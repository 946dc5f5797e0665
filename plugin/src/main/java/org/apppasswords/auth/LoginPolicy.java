package org.apppasswords.auth;

import java.security.SecureRandom;
import java.time.Clock;

import javax.inject.Inject;
import javax.inject.Singleton;

import org.apache.james.user.api.UsersRepository;
import org.apache.james.metrics.api.MetricFactory;
import org.apppasswords.apppassword.IdleExpiry;
import org.apppasswords.audit.AuditLog;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.hashing.SecretHasher;
import org.apppasswords.lifecycle.UserSecrets;
import org.apppasswords.store.AppPasswordStore;
import org.apppasswords.store.LoginFailureStore;
import org.apppasswords.store.SecondFactorStore;
import org.apppasswords.store.memory.MemoryLoginFailureStore;
import org.apppasswords.totp.TotpVerifier;

/**
 * Applies the login rules of DESIGN.md to whichever repository James configured. The launcher
 * asks it for the decorator that replaces James's {@link UsersRepository} binding, and for the
 * stricter view given to token-issuing endpoints. One per node: every login path shares its
 * throttle, whose attempts in flight must be counted in one place.
 */
@Singleton
public final class LoginPolicy {
    private final SecondFactorStore secondFactors;
    private final AppPasswordsConfiguration configuration;
    private final UserSecrets userSecrets;
    private final AppPasswordLogin appPasswordLogin;
    private final SecondFactorCheck secondFactorCheck;
    private final StoreOutageLog outageLog;
    private final AuditLog audit;
    private final LoginMetrics metrics;
    private final LoginThrottle throttle;

    /** Writes last uses at once, on the login's thread, with failure counters in memory: for unit tests. */
    public LoginPolicy(AppPasswordStore appPasswords, SecondFactorStore secondFactors, SecretHasher hasher, TotpVerifier verifier,
                       Clock clock, SecureRandom random, AppPasswordsConfiguration configuration, UserSecrets userSecrets) {
        this(appPasswords, secondFactors, new MemoryLoginFailureStore(), hasher, verifier, clock, random, configuration, userSecrets,
            LastUseWriter.immediate(appPasswords), LoginMetrics.none(), new AuditLog());
    }

    @Inject
    public LoginPolicy(AppPasswordStore appPasswords, SecondFactorStore secondFactors, LoginFailureStore loginFailures, SecretHasher hasher,
                       TotpVerifier verifier, Clock clock, SecureRandom random, AppPasswordsConfiguration configuration,
                       UserSecrets userSecrets, LastUseWriter lastUses, MetricFactory metricFactory, AuditLog audit) {
        this(appPasswords, secondFactors, loginFailures, hasher, verifier, clock, random, configuration, userSecrets, lastUses,
            new LoginMetrics(metricFactory), audit);
    }

    private LoginPolicy(AppPasswordStore appPasswords, SecondFactorStore secondFactors, LoginFailureStore loginFailures, SecretHasher hasher,
                        TotpVerifier verifier, Clock clock, SecureRandom random, AppPasswordsConfiguration configuration,
                        UserSecrets userSecrets, LastUseWriter lastUses, LoginMetrics metrics, AuditLog audit) {
        this.secondFactors = secondFactors;
        this.configuration = configuration;
        this.userSecrets = userSecrets;
        this.appPasswordLogin = new AppPasswordLogin(appPasswords, hasher, clock, lastUses, new IdleExpiry(configuration, clock));
        this.secondFactorCheck = new SecondFactorCheck(verifier, hasher, random);
        this.outageLog = new StoreOutageLog(clock);
        this.audit = audit;
        this.metrics = metrics;
        this.throttle = new LoginThrottle(loginFailures, configuration.throttle(), clock, new FailureFingerprint(random), audit, metrics);
    }

    /** The repository every protocol sees (rules 1 to 5), checking primary passwords with {@code delegate} alone. */
    public AppPasswordsUsersRepository decorate(UsersRepository delegate) {
        return decorate(delegate, PrimaryPasswordCheck.delegating());
    }

    /** The repository every protocol sees (rules 1 to 5), checking primary passwords as {@code primaryPasswordCheck} says. */
    public AppPasswordsUsersRepository decorate(UsersRepository delegate, PrimaryPasswordCheck primaryPasswordCheck) {
        return new AppPasswordsUsersRepository(delegate, appPasswordLogin, primaryPasswordLogin(primaryPasswordCheck), userSecrets,
            outageLog, audit, metrics);
    }

    /**
     * The checks of the self-service API: {@code primaryPasswords} is the repository James
     * configured (which {@link #decorate} wraps), {@code primaryPasswordCheck} the same check the
     * decorator uses, so unknown names cost what wrong passwords cost here too.
     */
    public SelfServiceSignIn selfServiceSignIn(UsersRepository primaryPasswords, PrimaryPasswordCheck primaryPasswordCheck) {
        return new SelfServiceSignIn(primaryPasswords, primaryPasswordLogin(primaryPasswordCheck), primaryPasswordCheck, secondFactors,
            secondFactorCheck, throttle, audit);
    }

    /**
     * The repository for endpoints that issue long-lived tokens: rule 6. It forwards to
     * {@code decorated} (what {@link #decorate} returned), and checks primary passwords with the
     * repository James configured, which that decorator wraps.
     */
    public PrimaryPasswordOnlyUsersRepository primaryPasswordOnly(UsersRepository decorated, UsersRepository primaryPasswords) {
        return new PrimaryPasswordOnlyUsersRepository(decorated, primaryPasswords, secondFactors, configuration.secondFactorRequired(),
            outageLog, throttle, audit, metrics);
    }

    /** Rules 3 and 4, shared by the protocols and the self-service sign-in, so that both spend the same codes. */
    private PrimaryPasswordLogin primaryPasswordLogin(PrimaryPasswordCheck primaryPasswordCheck) {
        return new PrimaryPasswordLogin(secondFactors, secondFactorCheck, primaryPasswordCheck, configuration.secondFactorRequired(),
            throttle, audit);
    }
}
