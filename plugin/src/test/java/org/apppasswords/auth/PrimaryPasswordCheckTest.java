package org.apppasswords.auth;

import static org.apppasswords.auth.LoginFixture.ALICE;
import static org.apppasswords.auth.LoginFixture.ALICE_PASSWORD;
import static org.apppasswords.auth.LoginFixture.BOB;
import static org.apppasswords.auth.LoginFixture.BOB_PASSWORD;
import static org.apppasswords.auth.LoginFixture.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.james.core.Username;
import org.apache.james.user.api.model.User;
import org.apache.james.user.lib.model.DefaultUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Login rule 5 on the primary path: an unknown name must cost one password hash, as a wrong
 * password of a known user does. James answers at once for unknown names, so the decoy does it.
 */
class PrimaryPasswordCheckTest {
    private LoginFixture fixture;
    private CountingUsersRepository james;
    private CountingDecoy decoy;
    private AppPasswordsUsersRepository testee;

    @BeforeEach
    void setUp() throws Exception {
        fixture = LoginFixture.create();
        james = new CountingUsersRepository(fixture.james);
        decoy = new CountingDecoy(DecoyUser.hashedAs(new BaseHierarchicalConfiguration(), new SecureRandom()));
        testee = fixture.policy.decorate(james, PrimaryPasswordCheck.withDecoy(decoy));
    }

    @Test
    void unknownUserShouldCostOneDecoyHashAndNoCheckByJames() throws Exception {
        assertThat(testee.test(UNKNOWN, "any-Primary-9")).isFalse();

        assertThat(james.tests).hasValue(0);
        assertThat(decoy.verifications).hasValue(1);
    }

    @Test
    void unknownUserWithCodeShouldCostOneDecoyHashAndNoCheckByJames() throws Exception {
        assertThat(testee.test(UNKNOWN, "any-Primary-9$" + fixture.currentCode())).isFalse();

        assertThat(james.tests).hasValue(0);
        assertThat(decoy.verifications).hasValue(1);
    }

    @Test
    void wrongPasswordOfKnownUserShouldCostOneCheckByJamesAndNoDecoy() throws Exception {
        assertThat(testee.test(BOB, "wrong-Primary-9")).isFalse();

        assertThat(james.tests).hasValue(1);
        assertThat(decoy.verifications).hasValue(0);
    }

    @Test
    void totpUserShouldCostOneCheckByJamesAndNoDecoy() throws Exception {
        fixture.enableTotp(ALICE);

        assertThat(testee.test(ALICE, ALICE_PASSWORD + "$" + fixture.currentCode())).isTrue();

        assertThat(james.tests).hasValue(1);
        assertThat(decoy.verifications).hasValue(0);
    }

    @Test
    void knownUserShouldStillLogIn() throws Exception {
        assertThat(testee.test(BOB, BOB_PASSWORD)).isTrue();
    }

    @Test
    void unknownUserShouldBeRefusedEvenIfTheDecoyMatched() throws Exception {
        User gullible = new CountingDecoy(DecoyUser.hashedAs(new BaseHierarchicalConfiguration(), new SecureRandom())) {
            @Override
            public boolean verifyPassword(String pass) {
                return true;
            }
        };

        assertThat(fixture.policy.decorate(james, PrimaryPasswordCheck.withDecoy(gullible)).test(UNKNOWN, "anything-at-all")).isFalse();
    }

    @Test
    void decoyShouldHashWithTheAlgorithmJamesIsConfiguredWith() {
        BaseHierarchicalConfiguration usersRepository = new BaseHierarchicalConfiguration();
        usersRepository.addProperty("algorithm", "PBKDF2-SHA512");

        DefaultUser decoy = DecoyUser.hashedAs(usersRepository, new SecureRandom());

        assertThat(decoy.getHashAlgorithm().getName()).isEqualTo("PBKDF2-SHA512");
        assertThat(decoy.verifyPassword(ALICE_PASSWORD)).isFalse();
    }

    @Test
    void decoyShouldDefaultToJamesDefaultAlgorithm() {
        DefaultUser decoy = DecoyUser.hashedAs(new BaseHierarchicalConfiguration(), new SecureRandom());

        assertThat(decoy.getHashAlgorithm().getName()).isEqualTo("PBKDF2");
    }

    private static class CountingDecoy implements User {
        final AtomicInteger verifications = new AtomicInteger();
        private final User decoy;

        CountingDecoy(User decoy) {
            this.decoy = decoy;
        }

        @Override
        public Username getUserName() {
            return decoy.getUserName();
        }

        @Override
        public boolean verifyPassword(String pass) {
            verifications.incrementAndGet();
            return decoy.verifyPassword(pass);
        }

        @Override
        public boolean setPassword(String newPass) {
            return decoy.setPassword(newPass);
        }
    }
}
