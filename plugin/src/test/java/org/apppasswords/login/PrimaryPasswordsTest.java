package org.apppasswords.login;

import static org.apppasswords.login.LoginFixture.ALICE;
import static org.apppasswords.login.LoginFixture.ALICE_PASSWORD;
import static org.apppasswords.login.LoginFixture.BOB;
import static org.apppasswords.login.LoginFixture.BOB_PASSWORD;
import static org.apppasswords.login.LoginFixture.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.james.core.Username;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Login rule 5 on the primary path: a name James does not know costs one primary-password hash, as
 * a wrong password of a known user does. James answers at once for unknown names, so the decoy
 * hashes instead, with the algorithm {@code usersrepository.xml} names.
 */
class PrimaryPasswordsTest {
    private LoginFixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        fixture = LoginFixture.create();
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void anUnknownUserShouldCostOneDecoyHashAndNoCheckByJames() throws Exception {
        Work work = Work.of(fixture, () -> assertThat(fixture.login(UNKNOWN, "any-Primary-9")).isFalse());

        assertThat(work.primaryHashes).isEqualTo(1);
        assertThat(work.jamesPasswordChecks).isZero();
        assertThat(work.jamesTests).isZero();
    }

    @Test
    void anUnknownUserWithACodeShouldCostOneDecoyHashAndNoCheckByJames() throws Exception {
        Work work = Work.of(fixture, () -> assertThat(fixture.login(UNKNOWN, "any-Primary-9$" + fixture.currentCode())).isFalse());

        assertThat(work.primaryHashes).isEqualTo(1);
        assertThat(work.jamesPasswordChecks).isZero();
    }

    @Test
    void aNameJamesRejectsShouldCostOneDecoyHashLikeAnUnknownName() throws Exception {
        // Without a domain, on a virtual-hosted repository: James refuses the name itself.
        Work work = Work.of(fixture, () -> assertThat(fixture.login(Username.of("alice"), ALICE_PASSWORD)).isFalse());

        assertThat(work.primaryHashes).isEqualTo(1);
        assertThat(work.jamesPasswordChecks).isZero();
    }

    @Test
    void aWrongPasswordOfAKnownUserShouldCostOneCheckByJamesAndNoDecoy() throws Exception {
        Work work = Work.of(fixture, () -> assertThat(fixture.login(BOB, "wrong-Primary-9")).isFalse());

        assertThat(work.jamesPasswordChecks).isEqualTo(1);
        assertThat(work.primaryHashes).as("James's hash alone").isEqualTo(1);
    }

    @Test
    void aTotpUserShouldCostOneCheckByJamesAndNoDecoy() throws Exception {
        fixture.enableTotp(ALICE);

        Work work = Work.of(fixture, () -> assertThat(fixture.login(ALICE, ALICE_PASSWORD + "$" + fixture.currentCode())).isTrue());

        assertThat(work.jamesPasswordChecks).isEqualTo(1);
        assertThat(work.primaryHashes).isEqualTo(1);
    }

    @Test
    void theRulesShouldNeverCallJamessOwnTest() throws Exception {
        fixture.enableTotp(ALICE);
        fixture.login(ALICE, ALICE_PASSWORD + "$" + fixture.currentCode());
        fixture.login(BOB, BOB_PASSWORD);
        fixture.login(BOB, "wrong");
        fixture.login(UNKNOWN, "wrong");
        for (Entrance entrance : Entrance.values()) {
            fixture.check(entrance, BOB, BOB_PASSWORD);
        }

        assertThat(fixture.james.tests).hasValue(0);
    }

    @Test
    void aKnownUserShouldStillLogIn() throws Exception {
        assertThat(fixture.login(BOB, BOB_PASSWORD)).isTrue();
    }

    @Test
    void anUnknownUserShouldBeRefusedEvenIfTheDecoysPasswordIsGuessed() throws Exception {
        // A random source of zeroes: the decoy's password is Base64 of 32 zero bytes, known here.
        SecureRandom zeroes = new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                Arrays.fill(bytes, (byte) 0);
            }
        };
        String decoysPassword = Base64.getEncoder().encodeToString(new byte[32]);
        PrimaryPasswords primaryPasswords = new PrimaryPasswords(fixture.james, PrimaryPasswordHashes.usersRepositoryXml(), zeroes);

        assertThat(primaryPasswords.verify(UNKNOWN, decoysPassword)).isEqualTo(PrimaryPasswords.Result.UNKNOWN_USER);
        assertThat(primaryPasswords.verify(UNKNOWN, "anything-else")).isEqualTo(PrimaryPasswords.Result.UNKNOWN_USER);
    }

    @Test
    void verifyShouldTellARightFromAWrongPasswordOfAKnownUser() {
        PrimaryPasswords primaryPasswords = new PrimaryPasswords(fixture.james, PrimaryPasswordHashes.usersRepositoryXml(), fixture.random);

        assertThat(primaryPasswords.verify(ALICE, ALICE_PASSWORD)).isEqualTo(PrimaryPasswords.Result.MATCHES);
        assertThat(primaryPasswords.verify(ALICE, BOB_PASSWORD)).isEqualTo(PrimaryPasswords.Result.WRONG);
        assertThat(primaryPasswords.verify(ALICE, "")).isEqualTo(PrimaryPasswords.Result.WRONG);
    }

    @Test
    void imitateShouldHashOnceWithoutAskingJames() throws Exception {
        PrimaryPasswords primaryPasswords = new PrimaryPasswords(fixture.james, PrimaryPasswordHashes.usersRepositoryXml(), fixture.random);

        Work work = Work.of(fixture, () -> {
            primaryPasswords.imitate(ALICE_PASSWORD);
            return null;
        });

        assertThat(work).isEqualTo(Work.hashes(0, 1));
    }

    @Test
    void theDecoyShouldHashWithTheAlgorithmOfUsersRepositoryXml() throws Exception {
        BaseHierarchicalConfiguration jamesDefault = new BaseHierarchicalConfiguration();
        PrimaryPasswords withCountedAlgorithm = new PrimaryPasswords(fixture.james, PrimaryPasswordHashes.usersRepositoryXml(),
            fixture.random);
        PrimaryPasswords withJamesDefault = new PrimaryPasswords(fixture.james, jamesDefault, fixture.random);

        Work counted = Work.of(fixture, () -> withCountedAlgorithm.verify(UNKNOWN, "guess"));
        Work pbkdf2 = Work.of(fixture, () -> withJamesDefault.verify(UNKNOWN, "guess"));

        assertThat(counted.primaryHashes).isEqualTo(1);
        assertThat(pbkdf2.primaryHashes).as("James's default, PBKDF2, is not the counted digest").isZero();
    }
}
