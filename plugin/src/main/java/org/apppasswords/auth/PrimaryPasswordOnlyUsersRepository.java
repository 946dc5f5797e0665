package org.apppasswords.auth;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.user.api.model.User;
import org.apppasswords.apppassword.AppPasswordFormat;
import org.apppasswords.audit.AuditLog;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.store.SecondFactorStore;
import org.apppasswords.store.StoreUnavailableException;

/**
 * Login rule 6, for endpoints that turn one successful check into a long-lived token (James
 * 3.8.1's draft-JMAP {@code /authentication} grants a 15-minute access token that no later check
 * revisits). Such a token would outlive the revocation of the app password or the reset of the
 * second factor that minted it, so here only the bare primary password of a user without TOTP is
 * accepted, and only while {@code secondFactor.required=false}: app passwords and
 * {@code primary$CODE} are refused. Users with TOTP use JMAP Basic authentication, checked on
 * every request.
 *
 * <p>The primary password is checked by James's own repository, never through the decorator:
 * the decorator would spend a TOTP step or a recovery code on an attempt this view then refuses.
 * Everything else forwards to the decorator, so the rest of the life cycle keeps its rules.
 */
public final class PrimaryPasswordOnlyUsersRepository extends ForwardingUsersRepository {
    private final UsersRepository primaryPasswords;
    private final SecondFactorStore secondFactors;
    private final boolean secondFactorRequired;
    private final StoreOutageLog outageLog;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final LoginMetrics metrics;

    PrimaryPasswordOnlyUsersRepository(UsersRepository decorated, UsersRepository primaryPasswords, SecondFactorStore secondFactors,
                                       boolean secondFactorRequired, StoreOutageLog outageLog, LoginThrottle throttle, AuditLog audit,
                                       LoginMetrics metrics) {
        super(decorated);
        this.primaryPasswords = primaryPasswords;
        this.secondFactors = secondFactors;
        this.secondFactorRequired = secondFactorRequired;
        this.outageLog = outageLog;
        this.throttle = throttle;
        this.audit = audit;
        this.metrics = metrics;
    }

    @Override
    public boolean test(Username name, String password) throws UsersRepositoryException {
        LoginOrigin origin = LoginOrigin.current();
        if (password == null || AppPasswordFormat.recognise(password).isPresent()) {
            return refused(name, origin, password == null ? "primary" : "app-password", LoginMetrics.Outcome.REFUSED);
        }
        // Throttled like every primary-path check, or this endpoint would be a guessing oracle beside it.
        try (ThrottledAttempt attempt = throttle.begin(name, origin, password)) {
            boolean primaryMatches = primaryPasswords.test(name, password);
            // A TOTP user's bare primary password is a failure here, counted and never clearing a count.
            boolean allowed = !secondFactorRequired && secondFactors.find(name).isEmpty();
            if (attempt.locked() || !primaryMatches || !allowed) {
                throttle.failed(attempt);
                return refused(name, origin, "primary", attempt.locked() ? LoginMetrics.Outcome.LOCKED : LoginMetrics.Outcome.REFUSED);
            }
            throttle.succeeded(attempt, false);
            metrics.login(LoginMetrics.Method.PRIMARY, LoginMetrics.Outcome.ACCEPTED);
            return true;
        } catch (StoreUnavailableException e) {
            outageLog.refused(e);
            return refused(name, origin, "primary", LoginMetrics.Outcome.REFUSED);
        }
    }

    private boolean refused(Username name, LoginOrigin origin, String method, LoginMetrics.Outcome outcome) {
        metrics.login("primary".equals(method) ? LoginMetrics.Method.PRIMARY : LoginMetrics.Method.APP_PASSWORD, outcome);
        audit.loginRefused(name, origin, method);
        return false;
    }

    /** The same rule for callers that verify through the user object, as ManageSieve does. */
    @Override
    public User getUserByName(Username name) throws UsersRepositoryException {
        User user = delegate.getUserByName(name);
        return user == null ? null : new PolicyUser(PolicyUser.unwrap(user), this);
    }

    @Override
    public void updateUser(User user) throws UsersRepositoryException {
        // The decorator applies a password noted by the PolicyUser once it has ended what it must.
        delegate.updateUser(user);
    }
}
