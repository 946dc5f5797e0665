package org.apppasswords.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPasswordId;
import org.apppasswords.apppassword.StoredAppPassword;
import org.apppasswords.audit.AuditLog;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.notice.SecurityNotices;
import org.apppasswords.signout.SignOut;
import org.apppasswords.store.memory.MemoryActivity;
import org.apppasswords.store.memory.MemoryAppPasswordStore;
import org.apppasswords.store.memory.MemoryGenerations;
import org.apppasswords.store.memory.MemoryLoginFailureStore;
import org.apppasswords.store.memory.MemorySecondFactorStore;
import org.apppasswords.store.memory.MemorySelfServiceSessionStore;
import org.apppasswords.totp.TotpEnrolment;
import org.apppasswords.totp.TotpSecret;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;

class AppPasswordsUsernameChangeTaskStepTest {
    static final Username OLD = Username.of("alice@example.org");
    static final Username NEW = Username.of("alice.smith@example.org");
    static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");

    final MemoryGenerations generations = new MemoryGenerations();
    final MemoryAppPasswordStore appPasswords = new MemoryAppPasswordStore(generations);
    final MemorySecondFactorStore secondFactors = new MemorySecondFactorStore(generations);
    final AppPasswordsUsernameChangeTaskStep testee = new AppPasswordsUsernameChangeTaskStep(
        new UserSecrets(appPasswords, secondFactors, new MemorySelfServiceSessionStore(generations), AppPasswordsConfiguration.defaults(),
            new MemoryLoginFailureStore(), new AuditLog(), SignOut.none(), SecurityNotices.NONE, new MemoryActivity()));

    void addAppPassword() {
        appPasswords.add(OLD, StoredAppPassword.created(AppPasswordId.parse("qd3k7").get(), "Mail", "$sha256$a$b", NOW), 25,
            generations.current(OLD));
    }

    @Test
    void stepShouldRunAfterEveryStepJames381Defines() {
        // James 3.8.1's own steps use priorities 0 (forwards) to 4 (filters).
        assertThat(testee.priority()).isGreaterThan(4);
        assertThat(testee.name().asString()).isEqualTo("AppPasswordsUsernameChangeTaskStep");
    }

    @Test
    void changeUsernameShouldDoNothingUntilSubscribed() {
        addAppPassword();

        testee.changeUsername(OLD, NEW);

        assertThat(appPasswords.list(OLD)).hasSize(1);
    }

    @Test
    void changeUsernameShouldMoveAppPasswordsAndCopyTotp() {
        addAppPassword();
        secondFactors.enable(OLD, TotpEnrolment.enabled(TotpSecret.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"), NOW, List.of()),
            generations.current(OLD));

        Mono.from(testee.changeUsername(OLD, NEW)).block();

        assertThat(appPasswords.list(OLD)).isEmpty();
        assertThat(appPasswords.list(NEW)).hasSize(1);
        // James 3.8.1's rename keeps the old user: its bare password stays refused.
        assertThat(secondFactors.find(OLD)).isPresent();
        assertThat(secondFactors.find(NEW)).isPresent();
    }

    @Test
    void changeUsernameShouldBeHarmlessWhenRunAgain() {
        addAppPassword();
        Mono.from(testee.changeUsername(OLD, NEW)).block();

        Mono.from(testee.changeUsername(OLD, NEW)).block();

        assertThat(appPasswords.list(NEW)).hasSize(1);
    }
}
