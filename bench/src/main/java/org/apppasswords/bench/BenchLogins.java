package org.apppasswords.bench;

import java.time.Clock;

import org.apache.james.metrics.dropwizard.DropWizardMetricFactory;
import org.apache.james.user.api.UsersRepository;
import org.apppasswords.apppassword.AppPasswordService;
import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.modules.TestLogins;
import org.apppasswords.repository.AppPasswordsUsersRepository;
import org.apppasswords.session.SelfServiceSessionStore;
import org.apppasswords.store.UserGenerations;
import org.apppasswords.store.memory.MemoryLoginFailureStore;
import org.apppasswords.totp.SecondFactorService;
import org.apppasswords.totp.SecondFactorStore;

import com.codahale.metrics.MetricRegistry;

/**
 * The extension's login path wired as the launcher wires it: the plugin's {@link TestLogins}
 * fixture builds the real {@code LoginModule} (pipeline, throttle over a memory failure store, the
 * decorator over James's repository, the real hasher, last uses written in the background) around
 * the stores the caller chose, with James's own metrics, plus the services that seed them.
 */
final class BenchLogins implements AutoCloseable {
    final AppPasswordsUsersRepository repository;
    final AppPasswordService appPasswords;
    final SecondFactorService secondFactors;
    final UserGenerations generations;
    private final TestLogins logins;

    BenchLogins(AppPasswordStore appPasswordStore, SecondFactorStore secondFactorStore, SelfServiceSessionStore sessions,
                UserGenerations generations, UsersRepository james, Clock clock) {
        this.generations = generations;
        this.logins = TestLogins.around(james)
            .stores(appPasswordStore, secondFactorStore, sessions, new MemoryLoginFailureStore(), generations)
            .clock(clock)
            .metrics(new DropWizardMetricFactory(new MetricRegistry()))
            .build();
        this.repository = logins.decorator;
        this.appPasswords = logins.appPasswordService;
        this.secondFactors = logins.secondFactorService;
    }

    @Override
    public void close() {
        logins.close();
    }
}
