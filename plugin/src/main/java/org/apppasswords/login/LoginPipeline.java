package org.apppasswords.login;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.apppassword.AppPasswordFormat;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.store.StoreUnavailableException;

/**
 * The login rules of DESIGN.md, in one place, for every entrance: the protocols (through our
 * {@code UsersRepository}), the draft-JMAP token endpoint and the self-service API. The shape of the
 * input alone picks the path (rule 1), that path's check gives one {@link Verdict}, the
 * {@link LoginObserver} records it, and the caller answers from it. Without the store nothing can be
 * checked: the login is refused (fail closed), never accepted on the primary password alone.
 */
public final class LoginPipeline {
    private final AppPasswordCheck appPasswords;
    private final PrimaryCheck primary;
    private final LoginObserver observer;
    private final Clock clock;

    public LoginPipeline(AppPasswordCheck appPasswords, PrimaryCheck primary, LoginObserver observer, Clock clock) {
        this.appPasswords = appPasswords;
        this.primary = primary;
        this.observer = observer;
        this.clock = clock;
    }

    public Verdict check(Entrance entrance, Username user, String presented, LoginOrigin origin) {
        // Before the stores are read: a revocation published after this instant found the login already checked.
        Instant started = clock.instant();
        String input = presented == null ? "" : presented;
        Optional<AppPassword> appPassword = AppPasswordFormat.recognise(input);
        Verdict.Method method = appPassword.isPresent() ? Verdict.Method.APP_PASSWORD
            : entrance == Entrance.CODE ? Verdict.Method.CODE : Verdict.Method.PRIMARY;
        // Nothing to check, by shape alone: an app password where none is taken, or no input at all.
        boolean checked = appPassword.isPresent() ? entrance == Entrance.PROTOCOL : !input.isEmpty();
        Verdict verdict;
        try {
            verdict = !checked ? Verdict.refused(method)
                : appPassword.isPresent() ? appPasswords.check(user, appPassword.get(), origin.protocol()) : primary.check(entrance, user, input, origin);
        } catch (StoreUnavailableException e) {
            verdict = Verdict.unavailable(method, e.getMessage());
        }
        observer.observe(entrance, user, origin, verdict, checked, started);
        return verdict;
    }
}
