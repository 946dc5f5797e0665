package org.apppasswords.bench;

import java.security.SecureRandom;
import java.time.Clock;

import org.apache.james.metrics.dropwizard.DropWizardMetricFactory;
import org.apache.james.user.api.UsersRepository;
import org.apppasswords.apppassword.AppPasswordGenerator;
import org.apppasswords.apppassword.AppPasswordService;
import org.apppasswords.audit.AuditLog;
import org.apppasswords.repository.AppPasswordsUsersRepository;
import org.apppasswords.auth.LastUseWriter;
import org.apppasswords.auth.LoginPolicy;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.hashing.SaltedSha256SecretHasher;
import org.apppasswords.hashing.SecretHasher;
import org.apppasswords.lifecycle.UserSecrets;
import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.totp.SecondFactorStore;
import org.apppasswords.session.SelfServiceSessionStore;
import org.apppasswords.store.memory.MemoryLoginFailureStore;
import org.apppasswords.totp.RecoveryCodes;
import org.apppasswords.totp.SecondFactorService;
import org.apppasswords.totp.TotpVerifier;

import com.codahale.metrics.MetricRegistry;

/**
 * The extension's login path wired as the launcher wires it ({@link LoginPolicy#decorate} over
 * James's repository, the real hasher, last uses written in the background), over stores the
 * caller chose, plus the services that seed them.
 */
final class BenchLogins implements AutoCloseable {
    final AppPasswordsUsersRepository repository;
    final AppPasswordService appPasswords;
    final SecondFactorService secondFactors;
    private final LastUseWriter lastUses;

    BenchLogins(AppPasswordStore appPasswordStore, SecondFactorStore secondFactorStore, SelfServiceSessionStore sessions,
                UsersRepository james, Clock clock) {
        SecureRandom random = new SecureRandom();
        AppPasswordsConfiguration configuration = AppPasswordsConfiguration.defaults();
        SecretHasher hasher = new SaltedSha256SecretHasher(random);
        this.lastUses = LastUseWriter.background(appPasswordStore);
        LoginPolicy policy = new LoginPolicy(appPasswordStore, secondFactorStore, new MemoryLoginFailureStore(), hasher,
            new TotpVerifier(clock), clock, random, configuration,
            new UserSecrets(appPasswordStore, secondFactorStore, sessions, configuration), lastUses, new DropWizardMetricFactory(new MetricRegistry()), new AuditLog());
        this.repository = policy.decorate(james);
        this.appPasswords = new AppPasswordService(appPasswordStore, new AppPasswordGenerator(random), hasher, clock, configuration);
        this.secondFactors = new SecondFactorService(secondFactorStore, new RecoveryCodes(random), hasher, clock);
    }

    @Override
    public void close() {
        lastUses.close();
    }
}
