package org.apppasswords.auth;

import java.util.Optional;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.user.api.model.User;
import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.apppassword.AppPasswordFormat;
import org.apppasswords.audit.AuditLog;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.lifecycle.UserSecrets;
import org.apppasswords.store.StoreUnavailableException;

/**
 * The {@link UsersRepository} every James protocol sees once the launcher is used. Login rule 1:
 * the shape of the presented secret alone picks the path, app password or primary password; that
 * choice reads nothing secret. The rest of the life cycle keeps our secrets in step with James's
 * users: a user removed through James loses them and their self-service sessions, and a primary
 * password changed through James revokes the app passwords and self-service sessions unless
 * {@code onPrimaryPasswordChange=keep}. A read-only repository (James's LDAP one) refuses every
 * change: it is asked first, so that a refused change ends nothing (an admin's {@code DELETE
 * /users/{u}} must not strip an LDAP user's second factor). When the store cannot be reached every
 * login is refused (fail closed), never checked against the primary password alone.
 */
public final class AppPasswordsUsersRepository extends ForwardingUsersRepository {
    private final AppPasswordLogin appPasswordLogin;
    private final PrimaryPasswordLogin primaryPasswordLogin;
    private final UserSecrets userSecrets;
    private final StoreOutageLog outageLog;
    private final AuditLog audit;
    private final LoginMetrics metrics;

    AppPasswordsUsersRepository(UsersRepository delegate, AppPasswordLogin appPasswordLogin, PrimaryPasswordLogin primaryPasswordLogin,
                                UserSecrets userSecrets, StoreOutageLog outageLog, AuditLog audit, LoginMetrics metrics) {
        super(delegate);
        this.appPasswordLogin = appPasswordLogin;
        this.primaryPasswordLogin = primaryPasswordLogin;
        this.userSecrets = userSecrets;
        this.outageLog = outageLog;
        this.audit = audit;
        this.metrics = metrics;
    }

    /**
     * Where both paths meet: every answer is counted ({@link LoginMetrics}) and every refusal
     * written to the {@link AuditLog}, with the client's address and protocol when James put them
     * in the calling thread's logging context ({@link LoginOrigin}).
     */
    @Override
    public boolean test(Username name, String password) throws UsersRepositoryException {
        if (password == null || password.isEmpty()) {
            return false;
        }
        Optional<AppPassword> appPassword = AppPasswordFormat.recognise(password);
        LoginMetrics.Method method = appPassword.isPresent() ? LoginMetrics.Method.APP_PASSWORD : LoginMetrics.Method.PRIMARY;
        LoginOrigin origin = LoginOrigin.current();
        LoginMetrics.Outcome outcome;
        try {
            outcome = appPassword.isPresent()
                ? (appPasswordLogin.test(delegate, name, appPassword.get(), origin) ? LoginMetrics.Outcome.ACCEPTED : LoginMetrics.Outcome.REFUSED)
                : primaryOutcome(primaryPasswordLogin.prove(delegate, name, password, origin));
            outageLog.reached();
        } catch (StoreUnavailableException e) {
            // Fail closed: without the store neither a revocation nor a second factor can be checked.
            outageLog.refused(e);
            outcome = LoginMetrics.Outcome.REFUSED;
        }
        metrics.login(method, outcome);
        if (outcome != LoginMetrics.Outcome.ACCEPTED) {
            audit.loginRefused(name, origin, method == LoginMetrics.Method.APP_PASSWORD ? "app-password" : "primary");
        }
        return outcome == LoginMetrics.Outcome.ACCEPTED;
    }

    private LoginMetrics.Outcome primaryOutcome(SignInProof proof) {
        if (proof == SignInProof.LOCKED) {
            return LoginMetrics.Outcome.LOCKED;
        }
        return PrimaryPasswordLogin.accepts(proof, primaryPasswordLogin.secondFactorRequired())
            ? LoginMetrics.Outcome.ACCEPTED : LoginMetrics.Outcome.REFUSED;
    }

    @Override
    public User getUserByName(Username name) throws UsersRepositoryException {
        User user = delegate.getUserByName(name);
        return user == null ? null : new PolicyUser(user, this);
    }

    @Override
    public void updateUser(User user) throws UsersRepositoryException {
        if (delegate.isReadOnly()) {
            delegate.updateUser(PolicyUser.unwrap(user));
            userSecrets.primaryPasswordChanged(user.getUserName());
            return;
        }
        // In James 3.8.1 a User carries nothing but its password: an update is a password change.
        // Ended first, and only then is the new password applied: when the store is unreachable
        // the change fails rather than keeping the app passwords and sessions it should end.
        userSecrets.primaryPasswordChanged(user.getUserName());
        delegate.updateUser(PolicyUser.commitNewPassword(user));
    }

    @Override
    public void removeUser(Username name) throws UsersRepositoryException {
        if (delegate.isReadOnly()) {
            delegate.removeUser(name);
            userSecrets.forget(name);
            return;
        }
        // Forgotten first, as for a password change: when the store is unreachable the removal
        // fails rather than leaving secrets for a later user of the same name.
        userSecrets.forget(name);
        delegate.removeUser(name);
    }
}
