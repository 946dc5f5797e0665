package org.apppasswords.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPasswordGenerator;
import org.apppasswords.apppassword.AppPasswordService;
import org.apppasswords.apppassword.CreatedAppPassword;
import org.apppasswords.audit.AuditLog;
import org.apppasswords.audit.AuditLog.Actor;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.configuration.AppPasswordsConfiguration.OnPrimaryPasswordChange;
import org.apppasswords.hashing.SaltedSha256SecretHasher;
import org.apppasswords.notice.SecurityNotices;
import org.apppasswords.signout.SignOut;
import org.apppasswords.store.memory.MemoryActivity;
import org.apppasswords.store.memory.MemoryAppPasswordStore;
import org.apppasswords.store.memory.MemoryGenerations;
import org.apppasswords.store.memory.MemoryLoginFailureStore;
import org.apppasswords.store.memory.MemorySecondFactorStore;
import org.apppasswords.store.memory.MemorySelfServiceSessionStore;
import org.junit.jupiter.api.Test;

/** Which live connections each revocation ends, once it is stored (what the launcher's servers then close). */
class SignOutOnRevocationTest {
    static final Username ALICE = Username.of("alice@example.org");
    static final Username ALICIA = Username.of("alicia@example.org");

    final List<String> signedOut = new ArrayList<>();
    final SignOut recording = (user, openedWith) -> signedOut.add(user.asString() + ": " + openedWith);
    final MemoryGenerations generations = new MemoryGenerations();
    final MemoryAppPasswordStore appPasswords = new MemoryAppPasswordStore(generations);

    UserSecrets userSecrets(OnPrimaryPasswordChange onChange) {
        return new UserSecrets(appPasswords, new MemorySecondFactorStore(generations), new MemorySelfServiceSessionStore(generations),
            new AppPasswordsConfiguration(false, 25, true, onChange, "James", Duration.ofMinutes(10)), new MemoryLoginFailureStore(),
            new AuditLog(), recording, SecurityNotices.NONE, new MemoryActivity());
    }

    AppPasswordService appPasswordService() {
        return new AppPasswordService(appPasswords, new AppPasswordGenerator(new SecureRandom()), new SaltedSha256SecretHasher(new SecureRandom()),
            Clock.systemUTC(), AppPasswordsConfiguration.defaults(), new AuditLog(), recording, SecurityNotices.NONE);
    }

    @Test
    void revokingOneAppPasswordShouldEndTheConnectionsItOpenedOnly() {
        CreatedAppPassword created = appPasswordService().create(ALICE, "Phone", generations.current(ALICE));

        appPasswordService().revoke(ALICE, created.entry().id(), Actor.USER);

        assertThat(signedOut).containsExactly("alice@example.org: app password " + created.entry().id().asString());
    }

    @Test
    void revokingAnUnknownAppPasswordShouldEndNothing() {
        CreatedAppPassword created = appPasswordService().create(ALICE, "Phone", generations.current(ALICE));
        appPasswordService().revoke(ALICE, created.entry().id(), Actor.USER);
        signedOut.clear();

        appPasswordService().revoke(ALICE, created.entry().id(), Actor.USER);

        assertThat(signedOut).isEmpty();
    }

    @Test
    void revokeAllShouldEndEveryConnection() {
        appPasswordService().revokeAll(ALICE, Actor.ADMIN);

        assertThat(signedOut).containsExactly("alice@example.org: anything");
    }

    @Test
    void aPasswordChangeShouldEndEveryConnectionWhenItRevokesTheAppPasswords() {
        userSecrets(OnPrimaryPasswordChange.REVOKE_ALL).primaryPasswordApplied(ALICE, 0);

        assertThat(signedOut).containsExactly("alice@example.org: anything");
    }

    @Test
    void aPasswordChangeThatKeepsTheAppPasswordsShouldEndThePrimaryPasswordsConnectionsOnly() {
        userSecrets(OnPrimaryPasswordChange.KEEP).primaryPasswordApplied(ALICE, 0);

        assertThat(signedOut).containsExactly("alice@example.org: primary_password");
    }

    @Test
    void removalResetAndRenameShouldEndEveryConnectionOfTheName() {
        UserSecrets secrets = userSecrets(OnPrimaryPasswordChange.REVOKE_ALL);

        secrets.forget(ALICE);
        secrets.resetSecondFactor(ALICE);
        secrets.move(ALICE, ALICIA);

        assertThat(signedOut).containsExactly("alice@example.org: anything", "alice@example.org: anything", "alice@example.org: anything");
    }
}
