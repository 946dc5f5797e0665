package org.apppasswords.modules;

import org.apppasswords.activity.KnownAddresses;
import org.apppasswords.activity.SignInHistory;
import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.session.SelfServiceSessionStore;
import org.apppasswords.signout.ConnectionDirectory;
import org.apppasswords.signout.SignOutNotices;
import org.apppasswords.store.UserGenerations;
import org.apppasswords.throttle.LoginFailureStore;
import org.apppasswords.totp.SecondFactorStore;

/** The stores one backend module opened, how to ask it whether it answers, and how to close it. */
final class Backend {
    final AppPasswordStore appPasswords;
    final SecondFactorStore secondFactors;
    final SelfServiceSessionStore sessions;
    final LoginFailureStore loginFailures;
    final UserGenerations generations;
    final SignOutNotices signOutNotices;
    final ConnectionDirectory connectionDirectory;
    final SignInHistory history;
    final KnownAddresses knownAddresses;
    /** Whether a change of the login path may reach the disk after its answer (and so be lost to a crash). */
    final boolean writesBehind;
    /** Throws {@link org.apppasswords.store.StoreUnavailableException} when the store does not answer. */
    final Runnable ping;
    final Runnable close;

    Backend(AppPasswordStore appPasswords, SecondFactorStore secondFactors, SelfServiceSessionStore sessions, LoginFailureStore loginFailures,
            UserGenerations generations, SignOutNotices signOutNotices, ConnectionDirectory connectionDirectory, SignInHistory history,
            KnownAddresses knownAddresses, boolean writesBehind, Runnable ping, Runnable close) {
        this.appPasswords = appPasswords;
        this.secondFactors = secondFactors;
        this.sessions = sessions;
        this.loginFailures = loginFailures;
        this.generations = generations;
        this.signOutNotices = signOutNotices;
        this.connectionDirectory = connectionDirectory;
        this.history = history;
        this.knownAddresses = knownAddresses;
        this.writesBehind = writesBehind;
        this.ping = ping;
        this.close = close;
    }
}
