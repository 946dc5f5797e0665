package org.apppasswords.bench;

import java.time.Clock;
import java.util.Optional;

import org.apache.james.metrics.dropwizard.DropWizardMetricFactory;
import org.apache.james.user.api.UsersRepository;
import org.apppasswords.activity.QueuedSignInRecorder;
import org.apppasswords.activity.SignInRecorder;
import org.apppasswords.apppassword.AppPasswordService;
import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.lifecycle.Notifier;
import org.apppasswords.modules.TestLogins;
import org.apppasswords.notice.SecurityNotices;
import org.apppasswords.repository.AppPasswordsUsersRepository;
import org.apppasswords.session.SelfServiceSessionStore;
import org.apppasswords.store.UserGenerations;
import org.apppasswords.store.memory.MemoryActivity;
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
    /** Where the sign-ins are written when recorded, and the addresses each app password was used from. */
    final MemoryActivity history = new MemoryActivity();
    private final Optional<QueuedSignInRecorder> signIns;
    private final Optional<Notifier> notices;

    BenchLogins(AppPasswordStore appPasswordStore, SecondFactorStore secondFactorStore, SelfServiceSessionStore sessions,
                UserGenerations generations, UsersRepository james, Clock clock) {
        this(appPasswordStore, secondFactorStore, sessions, generations, james, clock, false);
    }

    /**
     * {@code activity}: with the sign-in history and the security notices on, as the launcher runs
     * them: sign-ins written in the background to a memory store, notices handed to a sender that
     * drops them (delivering mail is James's work, not the login's).
     */
    BenchLogins(AppPasswordStore appPasswordStore, SecondFactorStore secondFactorStore, SelfServiceSessionStore sessions,
                UserGenerations generations, UsersRepository james, Clock clock, boolean activity) {
        this.generations = generations;
        this.signIns = activity ? Optional.of(new QueuedSignInRecorder(history, user -> true, clock)) : Optional.empty();
        this.notices = activity ? Optional.of(new Notifier((user, notice) -> { }, secondFactorStore, history, clock)) : Optional.empty();
        this.logins = TestLogins.around(james)
            .stores(appPasswordStore, secondFactorStore, sessions, new MemoryLoginFailureStore(), generations)
            .clock(clock)
            .metrics(new DropWizardMetricFactory(new MetricRegistry()))
            .signIns(signIns.<SignInRecorder>map(recorder -> recorder).orElse(SignInRecorder.NONE), history)
            .notices(notices.<SecurityNotices>map(notifier -> notifier).orElse(SecurityNotices.NONE))
            .build();
        this.repository = logins.decorator;
        this.appPasswords = logins.appPasswordService;
        this.secondFactors = logins.secondFactorService;
    }

    @Override
    public void close() {
        signIns.ifPresent(QueuedSignInRecorder::close);
        notices.ifPresent(Notifier::close);
        logins.close();
    }
}
