package org.apppasswords.james;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.utils.GuiceProbe;
import org.apppasswords.apppassword.AppPasswordId;
import org.apppasswords.apppassword.AppPasswordService;
import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.apppassword.CreatedAppPassword;
import org.apppasswords.apppassword.StoredAppPassword;
import org.apppasswords.login.LastUseWriter;
import org.apppasswords.session.SelfServiceSession;
import org.apppasswords.session.SelfServiceSessionStore;
import org.apppasswords.signout.SignedInConnections;
import org.apppasswords.store.UserGenerations;
import org.apppasswords.totp.PendingTotpEnrolment;
import org.apppasswords.totp.RecoveryCode;
import org.apppasswords.totp.SecondFactorService;
import org.apppasswords.totp.SecondFactorStore;
import org.apppasswords.totp.TotpEnrolment;
import org.apppasswords.totp.TotpSecret;

/**
 * The Java API of a running server, for code that holds the {@code GuiceJamesServer} (tests,
 * the demo), the way James's own probes work. Nothing reaches it over the network.
 */
public final class AppPasswordsProbe implements GuiceProbe {
    private final AppPasswordService appPasswords;
    private final AppPasswordStore appPasswordStore;
    private final SecondFactorService secondFactors;
    private final SecondFactorStore secondFactorStore;
    private final SelfServiceSessionStore sessions;
    private final LastUseWriter lastUses;
    private final UserGenerations generations;
    private final SignedInConnections signedIn;
    private final Clock clock;

    @Inject
    AppPasswordsProbe(AppPasswordService appPasswords, AppPasswordStore appPasswordStore, SecondFactorService secondFactors,
                      SecondFactorStore secondFactorStore, SelfServiceSessionStore sessions, LastUseWriter lastUses,
                      UserGenerations generations, SignedInConnections signedIn, Clock clock) {
        this.appPasswords = appPasswords;
        this.appPasswordStore = appPasswordStore;
        this.secondFactors = secondFactors;
        this.secondFactorStore = secondFactorStore;
        this.sessions = sessions;
        this.lastUses = lastUses;
        this.generations = generations;
        this.signedIn = signedIn;
        this.clock = clock;
    }

    /** How many live connections this node knows what logged in (one entry per open IMAP connection that did). */
    public int signedInConnections() {
        return signedIn.size();
    }

    public CreatedAppPassword createAppPassword(Username user, String label) {
        return appPasswords.create(user, label, generations.current(user));
    }

    public boolean revokeAppPassword(Username user, AppPasswordId id) {
        return appPasswordStore.revoke(user, id);
    }

    public List<StoredAppPassword> listAppPasswords(Username user) {
        return appPasswordStore.list(user);
    }

    /** Writes the last uses noted so far now, rather than at the background writer's next turn. */
    public void flushLastUses() {
        lastUses.flush();
    }

    public List<RecoveryCode> enableTotp(Username user, TotpSecret secret) {
        return secondFactors.enable(user, secret, TotpEnrolment.NO_STEP_USED, generations.current(user));
    }

    /** The stored hashes of the user's app passwords (not secret, but never meant for an answer). */
    public List<String> storedHashes(Username user) {
        return appPasswordStore.list(user).stream()
            .map(StoredAppPassword::encodedHash)
            .collect(Collectors.toList());
    }

    public boolean totpEnabled(Username user) {
        return secondFactorStore.find(user).isPresent();
    }

    /** Records a started, unconfirmed TOTP enrolment, as the self-service API does. */
    public void startTotpEnrolment(Username user, TotpSecret secret) {
        secondFactorStore.startEnrolment(user, new PendingTotpEnrolment(secret, clock.instant()));
    }

    public boolean hasPendingTotpEnrolment(Username user) {
        return secondFactorStore.findPendingEnrolment(user).isPresent();
    }

    /** Stores a self-service session of ten minutes under {@code tokenDigest}, as a sign-in would. */
    public void openSelfServiceSession(Username user, String tokenDigest) {
        Instant now = clock.instant();
        sessions.create(new SelfServiceSession(tokenDigest, user, now, now.plus(Duration.ofMinutes(10)), true, generations.current(user)));
    }

    /** Whether the session stored under {@code tokenDigest} is still valid now. */
    public boolean selfServiceSessionIsValid(String tokenDigest) {
        return sessions.find(tokenDigest, clock.instant()).isPresent();
    }

    public boolean resetSecondFactor(Username user) {
        return secondFactors.disable(user);
    }
}
