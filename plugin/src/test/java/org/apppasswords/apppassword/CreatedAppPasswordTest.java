package org.apppasswords.apppassword;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;

import org.apache.james.core.Username;
import org.apppasswords.audit.AuditLog;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.hashing.SaltedSha256SecretHasher;
import org.apppasswords.notice.SecurityNotices;
import org.apppasswords.signout.SignOut;
import org.apppasswords.store.memory.MemoryAppPasswordStore;
import org.apppasswords.store.memory.MemoryGenerations;
import org.junit.jupiter.api.Test;

class CreatedAppPasswordTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The generation of a user whose secrets no revocation ever touched: this test revokes nothing. */
    private static final long NEVER_REVOKED = 0;

    @Test
    void toStringShouldNotLeakTheTokenOrItsHash() {
        CreatedAppPassword created = new AppPasswordService(new MemoryAppPasswordStore(new MemoryGenerations()),
            new AppPasswordGenerator(RANDOM), new SaltedSha256SecretHasher(RANDOM), Clock.systemUTC(), AppPasswordsConfiguration.defaults(),
            new AuditLog(), SignOut.none(), SecurityNotices.NONE)
            .create(Username.of("alice@example.org"), "Thunderbird", NEVER_REVOKED);
        String token = created.password().reveal();

        assertThat(created.toString())
            .doesNotContain(token)
            .doesNotContain(created.password().revealForDisplay())
            .doesNotContain(token.substring(8, 34))
            .doesNotContain(token.substring(8, 16))
            .doesNotContain(created.entry().encodedHash())
            .contains("[REDACTED]")
            .contains(created.entry().id().asString())
            .contains("Thunderbird");
    }
}
