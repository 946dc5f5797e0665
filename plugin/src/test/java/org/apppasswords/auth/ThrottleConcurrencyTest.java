package org.apppasswords.auth;

import static org.apppasswords.auth.LoginFixture.BOB;
import static org.apppasswords.auth.LoginFixture.BOB_PASSWORD;
import static org.apppasswords.auth.ThrottleFixture.ACCOUNT_MAX;
import static org.apppasswords.auth.ThrottleFixture.ADDRESS_MAX;
import static org.apppasswords.auth.ThrottleFixture.ATTACKER;
import static org.apppasswords.auth.ThrottleFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.testing.Concurrently;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Guesses racing against one unlocked account: each attempt is counted by a compare-and-set
 * before its password is checked, so at most the limit's number of them are ever checked
 * ({@link SignInProof#NOTHING}); every other one is refused by the lockout ({@link SignInProof#LOCKED}).
 */
class ThrottleConcurrencyTest {
    private LoginFixture fixture;
    private SelfServiceSignIn signIn;

    @BeforeEach
    void setUp() throws Exception {
        fixture = ThrottleFixture.create();
        // A slow check (as a real password hash is) keeps every racing attempt in flight together.
        PrimaryPasswordCheck slow = (users, user, primary) -> {
            java.util.concurrent.locks.LockSupport.parkNanos(java.time.Duration.ofMillis(20).toNanos());
            return users.test(user, primary);
        };
        signIn = fixture.policy.selfServiceSignIn(fixture.james, slow);
    }

    private static LoginOrigin from(String address) {
        return new LoginOrigin(Optional.of(address), Optional.of("IMAP"));
    }

    @Test
    void parallelGuessesFromOneAddressShouldHaveAtMostTheAddressLimitChecked() throws Exception {
        List<SignInProof> proofs = Concurrently.run(Concurrently.THREADS, index -> signIn.signIn(BOB, "guess-" + index, from(ATTACKER)));

        assertThat(Collections.frequency(proofs, SignInProof.NOTHING)).isLessThanOrEqualTo(ADDRESS_MAX);
        assertThat(Collections.frequency(proofs, SignInProof.LOCKED)).isGreaterThanOrEqualTo(Concurrently.THREADS - ADDRESS_MAX);
    }

    @Test
    void parallelGuessesFromManyAddressesShouldHaveAtMostTheAccountLimitChecked() throws Exception {
        List<SignInProof> proofs = Concurrently.run(Concurrently.THREADS,
            index -> signIn.signIn(BOB, "guess-" + index, from("192.0.2." + index)));

        assertThat(Collections.frequency(proofs, SignInProof.NOTHING)).isLessThanOrEqualTo(ACCOUNT_MAX);
        assertThat(Collections.frequency(proofs, SignInProof.LOCKED)).isGreaterThanOrEqualTo(Concurrently.THREADS - ACCOUNT_MAX);
    }

    @Test
    void parallelLoginsWithTheRightPasswordFromOneAddressShouldAllPass() throws Exception {
        // One value in flight many times is one guess: a mail client opening several connections at once.
        List<SignInProof> proofs = Concurrently.run(Concurrently.THREADS, index -> signIn.signIn(BOB, BOB_PASSWORD, from(OWNER)));

        assertThat(proofs).containsOnly(SignInProof.PRIMARY_PASSWORD);
    }

    @Test
    void parallelRepeatsOfOneWrongPasswordShouldCountOnce() throws Exception {
        List<SignInProof> proofs = Concurrently.run(Concurrently.THREADS, index -> signIn.signIn(BOB, "stale-Password", from(ATTACKER)));

        assertThat(proofs).containsOnly(SignInProof.NOTHING);
        assertThat(signIn.signIn(BOB, BOB_PASSWORD, from(ATTACKER))).isEqualTo(SignInProof.PRIMARY_PASSWORD);
    }

    @Test
    void anAttemptWhoseCheckThrowsShouldNotHoldItsPlaceInFlight() throws Exception {
        SelfServiceSignIn broken = fixture.policy.selfServiceSignIn(fixture.james, (users, user, primary) -> {
            throw new UsersRepositoryException("the directory is down");
        });
        for (int i = 0; i <= ADDRESS_MAX; i++) {
            String guess = "guess-" + i;
            assertThatThrownBy(() -> broken.signIn(BOB, guess, from(ATTACKER))).isInstanceOf(UsersRepositoryException.class);
        }

        assertThat(signIn.signIn(BOB, BOB_PASSWORD, from(ATTACKER))).isEqualTo(SignInProof.PRIMARY_PASSWORD);
    }

    @Test
    void guessesSpreadOverTwoNodesShouldShareOneCount() throws Exception {
        UsersRepository otherNode = fixture.anotherNode();
        for (int i = 0; i < ADDRESS_MAX; i++) {
            UsersRepository node = i % 2 == 0 ? fixture.testee : otherNode;
            assertThat(ThrottleFixture.login(node, ATTACKER, BOB, "guess-" + i)).isFalse();
        }

        assertThat(signIn.signIn(BOB, BOB_PASSWORD, from(ATTACKER))).isEqualTo(SignInProof.LOCKED);
        assertThat(ThrottleFixture.login(otherNode, ATTACKER, BOB, BOB_PASSWORD)).isFalse();
        assertThat(ThrottleFixture.login(otherNode, OWNER, BOB, BOB_PASSWORD)).as("another address").isTrue();
    }

    @Test
    void parallelGuessesShouldLeaveEveryCheckedAttemptCounted() throws Exception {
        List<SignInProof> proofs = Concurrently.run(Concurrently.THREADS,
            index -> signIn.signIn(BOB, "guess-" + index, from("192.0.2." + index)));

        assertThat(fixture.loginFailures.find(BOB).get(ThrottleState.ACCOUNT).failures())
            .isEqualTo(Collections.frequency(proofs, SignInProof.NOTHING));
    }
}
