package org.apppasswords.lifecycle;

import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apppasswords.activity.SignInHistory;
import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.audit.AuditLog;
import org.apppasswords.audit.AuditLog.Actor;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.configuration.AppPasswordsConfiguration.OnPrimaryPasswordChange;
import org.apppasswords.notice.SecurityNotices;
import org.apppasswords.session.SelfServiceSessionStore;
import org.apppasswords.signout.OpenedWith;
import org.apppasswords.signout.SignOut;
import org.apppasswords.throttle.LoginFailureStore;
import org.apppasswords.totp.SecondFactorStore;

/**
 * Keeps a user's secrets (app passwords, TOTP enrolment, self-service sessions) in step with what
 * happens to the user in James: removal, rename, primary password change, and an admin's
 * second-factor reset. Each step takes effect on the next login, since every login reads the
 * stores. Blocking; reveals nothing secret.
 */
public final class UserSecrets {
    private final AppPasswordStore appPasswords;
    private final SecondFactorStore secondFactors;
    private final SelfServiceSessionStore sessions;
    private final OnPrimaryPasswordChange onPrimaryPasswordChange;
    private final LoginFailureStore loginFailures;
    private final AuditLog audit;
    private final SignOut signOut;
    private final SecurityNotices notices;
    private final SignInHistory history;

    @Inject
    public UserSecrets(AppPasswordStore appPasswords, SecondFactorStore secondFactors, SelfServiceSessionStore sessions,
                       AppPasswordsConfiguration configuration, LoginFailureStore loginFailures, AuditLog audit, SignOut signOut,
                       SecurityNotices notices, SignInHistory history) {
        this.appPasswords = appPasswords;
        this.secondFactors = secondFactors;
        this.sessions = sessions;
        this.onPrimaryPasswordChange = configuration.onPrimaryPasswordChange();
        this.loginFailures = loginFailures;
        this.audit = audit;
        this.signOut = signOut;
        this.notices = notices;
        this.history = history;
    }

    /**
     * Whether anything of the extension is stored for {@code user}: an app password, an enabled
     * TOTP or a pending enrolment. What remains of a user James no longer knows (removed from
     * LDAP, say) is still visible to admins through this.
     */
    public boolean holdsAny(Username user) {
        return !appPasswords.list(user).isEmpty()
            || secondFactors.find(user).isPresent()
            || secondFactors.findPendingEnrolment(user).isPresent();
    }

    /**
     * The user left James: nothing of theirs may survive for a later user of the same name. Audited
     * when app passwords went. Sessions first, then what they could mint (see {@link #endSessionsThenAppPasswords}).
     */
    public void forget(Username user) {
        endSessionsThenAppPasswords(user, Actor.USER_REMOVAL);
        secondFactors.disable(user);
        loginFailures.forget(user);
        history.forget(user);
        signOut.end(user, OpenedWith.anything());
    }

    /**
     * A primary password change made through James, before the new password applies: the wrong
     * codes counted are forgotten (a lock of the TOTP codes ends with the password behind it), and
     * with {@code onPrimaryPasswordChange=revoke-all} every self-service session and app password
     * ends (TOTP stays; audited when app passwords went); with {@code keep} they stay. A store that
     * cannot do this fails the change: the old password stays, and so does everything it opened.
     *
     * @return how many app passwords were revoked
     */
    public int primaryPasswordChanged(Username user) {
        secondFactors.forgetWrongCodes(user);
        if (onPrimaryPasswordChange == OnPrimaryPasswordChange.REVOKE_ALL) {
            return endSessionsThenAppPasswords(user, Actor.PRIMARY_PASSWORD_CHANGE);
        }
        return 0;
    }

    /**
     * The same, once the new password applies: a sign-in or a creation that checked the old
     * password while it was being replaced either committed before this and ends now, or commits
     * after the generation moved on and is refused ({@link org.apppasswords.store.UserGenerations}).
     * The user is told, with the app passwords revoked by both steps ({@code revokedBefore}: by the first).
     */
    public void primaryPasswordApplied(Username user, int revokedBefore) {
        boolean revokeAll = onPrimaryPasswordChange == OnPrimaryPasswordChange.REVOKE_ALL;
        int revoked = revokeAll ? revokedBefore + endSessionsThenAppPasswords(user, Actor.PRIMARY_PASSWORD_CHANGE) : 0;
        notices.primaryPasswordChanged(user, revokeAll ? Optional.of(revoked) : Optional.empty());
        // With keep, the app passwords stay valid, and so do the connections they opened.
        signOut.end(user, onPrimaryPasswordChange == OnPrimaryPasswordChange.REVOKE_ALL ? OpenedWith.anything() : OpenedWith.primaryPassword());
    }

    /**
     * An admin's second-factor reset (lost phone): the user's self-service sessions end, then TOTP,
     * recovery codes, the wrong codes counted and any pending enrolment go (the failures of the
     * primary password stay counted); app passwords stay.
     *
     * @return false when TOTP was not enabled (the rest is done all the same)
     */
    public boolean resetSecondFactor(Username user) {
        sessions.revokeAll(user);
        boolean wasEnabled = secondFactors.disable(user);
        audit.totpResetByAdmin(user);
        if (wasEnabled) {
            notices.secondFactorResetByAdmin(user);
        }
        signOut.end(user, OpenedWith.anything());
        return wasEnabled;
    }

    /**
     * A username change (James 3.8.1's rename task, which keeps the old user): the TOTP enrolment is
     * copied to {@code to}, and stays with {@code from}, whose bare password must stay as refused as
     * it was; the app passwords move to {@code to} (they belong to devices); every self-service session
     * of {@code from} ends, so no session outlives the name it was opened for; the failure counts of
     * {@code from} are forgotten. Where {@code to} already holds its own, it keeps them (see the
     * stores' contracts).
     */
    public void move(Username from, Username to) {
        if (from.equals(to)) {
            return;
        }
        // The old name's sessions first, so that none can mint for it while its secrets move; then
        // the second factor: should a later step fail, the new name must not hold app passwords and
        // mail while its primary password alone still opens them.
        sessions.revokeAll(from);
        secondFactors.copyTo(from, to);
        appPasswords.moveAll(from, to);
        loginFailures.forget(from);
        signOut.end(from, OpenedWith.anything());
    }

    /**
     * Sessions first: once they are gone, nothing can be authorised with them, so the app passwords
     * ended next cannot be replaced by a session in flight (each step moves the user's generation on).
     */
    private int endSessionsThenAppPasswords(Username user, Actor actor) {
        sessions.revokeAll(user);
        int revoked = appPasswords.revokeAll(user);
        if (revoked > 0) {
            audit.appPasswordsRevokedAll(user, actor);
        }
        return revoked;
    }
}
