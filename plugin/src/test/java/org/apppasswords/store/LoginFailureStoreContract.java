package org.apppasswords.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.james.core.Username;
import org.junit.jupiter.api.Test;

/**
 * The Javadoc contract of {@link LoginFailureStore}, run once per backend: implement
 * {@link #testee()} to return an empty store for each test. Uses the interface only.
 */
public interface LoginFailureStoreContract {
    Username ALICE = Username.of("alice@example.org");
    Username BOB = Username.of("bob@example.org");
    Instant NOW = Instant.parse("2024-03-01T12:00:00Z");
    String ADDRESS = "address:203.0.113.7";
    String OTHER_ADDRESS = "address:2001:db8::1";
    String ACCOUNT = "account";

    LoginFailureStore testee();

    @Test
    default void findShouldBeEmptyWhenNothingFailed() {
        assertThat(testee().find(ALICE)).isEmpty();
    }

    @Test
    default void replaceShouldInsertWhenNothingIsExpected() {
        LoginFailures first = LoginFailures.first(NOW, "fp1");

        assertThat(testee().replace(ALICE, ADDRESS, Optional.empty(), first)).isTrue();

        LoginFailures stored = testee().find(ALICE).get(ADDRESS);
        assertThat(stored.failures()).isEqualTo(1);
        assertThat(stored.lastFailureAt()).isEqualTo(NOW);
        assertThat(stored.lockedUntil()).isEmpty();
        assertThat(stored.fingerprints()).containsExactly("fp1");
        assertThat(stored.version()).isEqualTo(0);
    }

    @Test
    default void replaceShouldRefuseAnInsertWhenARecordExists() {
        testee().replace(ALICE, ADDRESS, Optional.empty(), LoginFailures.first(NOW, "fp1"));

        assertThat(testee().replace(ALICE, ADDRESS, Optional.empty(), LoginFailures.first(NOW, "fp2"))).isFalse();
        assertThat(testee().find(ALICE).get(ADDRESS).fingerprints()).containsExactly("fp1");
    }

    @Test
    default void replaceShouldUpdateWhenTheVersionIsStillTheExpectedOne() {
        LoginFailures first = LoginFailures.first(NOW, "fp1");
        testee().replace(ALICE, ADDRESS, Optional.empty(), first);
        Instant until = NOW.plusSeconds(60);

        assertThat(testee().replace(ALICE, ADDRESS, Optional.of(first), first.plusFailure(NOW.plusSeconds(1), "fp2", Optional.of(until))))
            .isTrue();

        LoginFailures stored = testee().find(ALICE).get(ADDRESS);
        assertThat(stored.failures()).isEqualTo(2);
        assertThat(stored.lockedUntil()).contains(until);
        assertThat(stored.fingerprints()).containsExactly("fp1", "fp2");
        assertThat(stored.version()).isEqualTo(1);
    }

    @Test
    default void replaceShouldRefuseAStaleVersion() {
        LoginFailures first = LoginFailures.first(NOW, "fp1");
        testee().replace(ALICE, ADDRESS, Optional.empty(), first);
        testee().replace(ALICE, ADDRESS, Optional.of(first), first.plusFailure(NOW, "fp2", Optional.empty()));

        assertThat(testee().replace(ALICE, ADDRESS, Optional.of(first), first.plusFailure(NOW, "fp3", Optional.empty()))).isFalse();
        assertThat(testee().find(ALICE).get(ADDRESS).fingerprints()).containsExactly("fp1", "fp2");
    }

    @Test
    default void replaceShouldRefuseAnUpdateWhenTheRecordIsGone() {
        LoginFailures first = LoginFailures.first(NOW, "fp1");
        testee().replace(ALICE, ADDRESS, Optional.empty(), first);
        testee().clear(ALICE, ADDRESS);

        assertThat(testee().replace(ALICE, ADDRESS, Optional.of(first), first.plusFailure(NOW, "fp2", Optional.empty()))).isFalse();
        assertThat(testee().find(ALICE)).isEmpty();
    }

    @Test
    default void recordsShouldBeKeptPerUserAndScope() {
        testee().replace(ALICE, ADDRESS, Optional.empty(), LoginFailures.first(NOW, "a1"));
        testee().replace(ALICE, OTHER_ADDRESS, Optional.empty(), LoginFailures.first(NOW, "a2"));
        testee().replace(ALICE, ACCOUNT, Optional.empty(), LoginFailures.first(NOW, "a3"));
        testee().replace(BOB, ADDRESS, Optional.empty(), LoginFailures.first(NOW, "b1"));

        assertThat(testee().find(ALICE)).containsOnlyKeys(ADDRESS, OTHER_ADDRESS, ACCOUNT);
        assertThat(testee().find(BOB).get(ADDRESS).fingerprints()).containsExactly("b1");
    }

    @Test
    default void findAllShouldReadTheRecordsOfEachNameAskedForOnly() {
        Username carol = Username.of("carol@example.org");
        testee().replace(ALICE, ADDRESS, Optional.empty(), LoginFailures.first(NOW, "fp1"));
        testee().replace(BOB, ACCOUNT, Optional.empty(), LoginFailures.first(NOW, "fp2"));
        testee().replace(carol, ACCOUNT, Optional.empty(), LoginFailures.first(NOW, "fp3"));

        Map<Username, Map<String, LoginFailures>> found = testee().findAll(List.of(ALICE, BOB, Username.of("nobody@example.org")));

        assertThat(found).containsOnlyKeys(ALICE, BOB);
        assertThat(found.get(ALICE)).containsOnlyKeys(ADDRESS);
        assertThat(found.get(BOB).get(ACCOUNT).fingerprints()).containsExactly("fp2");
    }

    @Test
    default void applyShouldWriteEveryChangeEachAgainstWhatTheOnesBeforeLeft() {
        LoginFailures first = LoginFailures.first(NOW, "fp1");
        LoginFailures second = first.plusFailure(NOW, "fp2", Optional.empty());

        assertThat(testee().apply(List.of(
            LoginFailureChange.replace(ALICE, ADDRESS, Optional.empty(), first),
            LoginFailureChange.replace(ALICE, ADDRESS, Optional.of(first), second),
            LoginFailureChange.replace(BOB, ACCOUNT, Optional.empty(), first)))).isTrue();

        assertThat(testee().find(ALICE).get(ADDRESS).failures()).isEqualTo(2);
        assertThat(testee().find(BOB).get(ACCOUNT).failures()).isEqualTo(1);
    }

    @Test
    default void applyShouldChangeNothingWhenOneReplacementLosesItsRace() {
        LoginFailures first = LoginFailures.first(NOW, "fp1");
        testee().replace(ALICE, ACCOUNT, Optional.empty(), first);
        testee().replace(BOB, ACCOUNT, Optional.empty(), first);

        assertThat(testee().apply(List.of(
            LoginFailureChange.replace(ALICE, ADDRESS, Optional.empty(), first),
            LoginFailureChange.remove(BOB, ACCOUNT),
            LoginFailureChange.replace(ALICE, ACCOUNT, Optional.empty(), first)))).isFalse();

        assertThat(testee().find(ALICE)).containsOnlyKeys(ACCOUNT);
        assertThat(testee().find(BOB)).containsOnlyKeys(ACCOUNT);
    }

    @Test
    default void applyShouldRefuseAStaleVersionInAnyPlace() {
        LoginFailures first = LoginFailures.first(NOW, "fp1");
        testee().replace(ALICE, ADDRESS, Optional.empty(), first);
        testee().replace(ALICE, ADDRESS, Optional.of(first), first.touched());

        assertThat(testee().apply(List.of(
            LoginFailureChange.replace(BOB, ADDRESS, Optional.empty(), first),
            LoginFailureChange.replace(ALICE, ADDRESS, Optional.of(first), first.plusFailure(NOW, "fp2", Optional.empty()))))).isFalse();

        assertThat(testee().find(BOB)).isEmpty();
        assertThat(testee().find(ALICE).get(ADDRESS).version()).isEqualTo(first.touched().version());
    }

    @Test
    default void applyShouldRemoveARecordWhateverItHoldsAndIgnoreAMissingOne() {
        testee().replace(ALICE, ADDRESS, Optional.empty(), LoginFailures.first(NOW, "fp1"));

        assertThat(testee().apply(List.of(LoginFailureChange.remove(ALICE, ADDRESS), LoginFailureChange.remove(BOB, ADDRESS)))).isTrue();

        assertThat(testee().find(ALICE)).isEmpty();
    }

    @Test
    default void applyShouldInsertAgainARecordRemovedBeforeInTheSameCall() {
        testee().replace(ALICE, ADDRESS, Optional.empty(), LoginFailures.first(NOW, "fp1"));

        assertThat(testee().apply(List.of(LoginFailureChange.remove(ALICE, ADDRESS),
            LoginFailureChange.replace(ALICE, ADDRESS, Optional.empty(), LoginFailures.first(NOW, "fp2"))))).isTrue();

        assertThat(testee().find(ALICE).get(ADDRESS).fingerprints()).containsExactly("fp2");
    }

    @Test
    default void aLockUntilClearedShouldRoundTrip() {
        testee().replace(ALICE, "second-factor", Optional.empty(),
            new LoginFailures(100, NOW, Optional.of(LoginFailures.UNTIL_CLEARED), List.of(), 0));

        assertThat(testee().find(ALICE).get("second-factor").lockedUntil()).contains(LoginFailures.UNTIL_CLEARED);
    }

    @Test
    default void clearShouldForgetOnlyTheNamedScopesOfTheUser() {
        testee().replace(ALICE, ADDRESS, Optional.empty(), LoginFailures.first(NOW, "a1"));
        testee().replace(ALICE, ACCOUNT, Optional.empty(), LoginFailures.first(NOW, "a2"));
        testee().replace(ALICE, OTHER_ADDRESS, Optional.empty(), LoginFailures.first(NOW, "a3"));
        testee().replace(BOB, ADDRESS, Optional.empty(), LoginFailures.first(NOW, "b1"));

        testee().clear(ALICE, ADDRESS, ACCOUNT);

        assertThat(testee().find(ALICE)).containsOnlyKeys(OTHER_ADDRESS);
        assertThat(testee().find(BOB)).containsOnlyKeys(ADDRESS);
    }

    @Test
    default void clearAllShouldForgetEveryRecordOfTheUserOnly() {
        testee().replace(ALICE, ADDRESS, Optional.empty(), LoginFailures.first(NOW, "a1"));
        testee().replace(ALICE, ACCOUNT, Optional.empty(), LoginFailures.first(NOW, "a2"));
        testee().replace(BOB, ACCOUNT, Optional.empty(), LoginFailures.first(NOW, "b1"));

        testee().clearAll(ALICE);

        assertThat(testee().find(ALICE)).isEmpty();
        assertThat(testee().find(BOB)).containsOnlyKeys(ACCOUNT);
    }

    @Test
    default void removeIdleShouldForgetIdleUnlockedRecordsOfTheScopeOnly() {
        Instant old = NOW.minus(Duration.ofDays(2));
        testee().replace(ALICE, ADDRESS, Optional.empty(), LoginFailures.first(old, "idle"));
        testee().replace(ALICE, OTHER_ADDRESS, Optional.empty(), LoginFailures.first(NOW, "recent"));
        testee().replace(BOB, ADDRESS, Optional.empty(), new LoginFailures(9, old, Optional.of(NOW.plusSeconds(60)), List.of(), 0));
        testee().replace(BOB, ACCOUNT, Optional.empty(), LoginFailures.first(old, "other scope"));

        assertThat(testee().removeIdle("address:", NOW.minus(Duration.ofDays(1)), NOW)).isEqualTo(1);

        assertThat(testee().find(ALICE)).containsOnlyKeys(OTHER_ADDRESS);
        assertThat(testee().find(BOB)).containsOnlyKeys(ADDRESS, ACCOUNT);
    }

    @Test
    default void removeIdleShouldForgetMoreRecordsThanOneBatch() {
        Instant old = NOW.minus(Duration.ofDays(2));
        for (int i = 0; i < 2_100; i++) {
            testee().replace(Username.of("sprayed" + i), ADDRESS, Optional.empty(), LoginFailures.first(old, "f"));
        }
        testee().replace(ALICE, ADDRESS, Optional.empty(), LoginFailures.first(NOW, "recent"));

        assertThat(testee().removeIdle("address:", NOW.minus(Duration.ofDays(1)), NOW)).isEqualTo(2_100);

        assertThat(testee().find(Username.of("sprayed2099"))).isEmpty();
        assertThat(testee().find(ALICE)).containsOnlyKeys(ADDRESS);
    }

    @Test
    default void removeIdleShouldMatchAnExactScopeExactly() {
        Instant old = NOW.minus(Duration.ofDays(2));
        testee().replace(ALICE, ACCOUNT, Optional.empty(), LoginFailures.first(old, "a"));
        testee().replace(ALICE, "accounting", Optional.empty(), LoginFailures.first(old, "b"));

        assertThat(testee().removeIdle(ACCOUNT, NOW.minus(Duration.ofDays(1)), NOW)).isEqualTo(1);

        assertThat(testee().find(ALICE)).containsOnlyKeys("accounting");
    }

    @Test
    default void concurrentInsertsShouldLetOneWin() throws Exception {
        List<Boolean> inserted = Concurrently.run(Concurrently.THREADS,
            index -> testee().replace(ALICE, ADDRESS, Optional.empty(), LoginFailures.first(NOW, "fp" + index)));

        assertThat(Collections.frequency(inserted, true)).isEqualTo(1);
    }

    @Test
    default void concurrentUpdatesFromTheSameVersionShouldLetOneWin() throws Exception {
        LoginFailures first = LoginFailures.first(NOW, "fp");
        testee().replace(ALICE, ADDRESS, Optional.empty(), first);

        List<Boolean> updated = Concurrently.run(Concurrently.THREADS,
            index -> testee().replace(ALICE, ADDRESS, Optional.of(first), first.plusFailure(NOW, "fp" + index, Optional.empty())));

        assertThat(Collections.frequency(updated, true)).isEqualTo(1);
        assertThat(testee().find(ALICE).get(ADDRESS).failures()).isEqualTo(2);
    }
}
