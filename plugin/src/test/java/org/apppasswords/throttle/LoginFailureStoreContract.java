package org.apppasswords.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.testing.Concurrently;
import org.junit.jupiter.api.Test;

/**
 * The Javadoc contract of {@link LoginFailureStore}, run once per backend: implement
 * {@link #testee()} to return an empty store for each test. Uses the interface only.
 */
public interface LoginFailureStoreContract {
    Username ALICE = Username.of("alice@example.org");
    Username BOB = Username.of("bob@example.org");
    ClientAddress ADDRESS = address("203.0.113.7");
    ClientAddress OTHER_ADDRESS = address("2001:db8:1:2::1");
    Instant NOW = Instant.parse("2024-03-01T12:00:00.123456789Z");
    Instant LONG_AGO = NOW.minus(Duration.ofDays(2));
    String GUESS = "MTIzNDU2Nzg5MDEyMzQ1Ng";
    String OTHER_GUESS = "YWJjZGVmZ2hpamtsbW5vcA";

    LoginFailureStore testee();

    static ClientAddress address(String address) {
        return ClientAddress.of(new LoginOrigin(Optional.of(address), Optional.empty()));
    }

    static LoginFailure failure(Username user, ClientAddress address, String fingerprint, Instant at) {
        return new LoginFailure(user, address, fingerprint, at);
    }

    /** Every failure of the store, by the one call that counts them all without changing anything. */
    default long kept() {
        return testee().removeBefore(Instant.EPOCH);
    }

    @Test
    default void readShouldFindNothingInAnEmptyStore() {
        LoginFailureStore.History history = testee().read(ALICE, ADDRESS, LONG_AGO);

        assertThat(history.failures()).isEmpty();
        assertThat(history.lastSuccessFromAddress()).isEmpty();
    }

    @Test
    default void aFailureShouldBeReadBackAsRecorded() {
        LoginFailure failure = failure(ALICE, ADDRESS, GUESS, NOW);
        testee().record(failure);

        assertThat(testee().read(ALICE, ADDRESS, LONG_AGO).failures()).containsExactly(failure);
    }

    @Test
    default void aFailureWithoutAnAddressShouldBeReadBackUnderTheUnknownAddress() {
        testee().record(failure(ALICE, ClientAddress.UNKNOWN, GUESS, NOW));

        assertThat(testee().read(ALICE, ClientAddress.UNKNOWN, LONG_AGO).failures())
            .singleElement().satisfies(read -> assertThat(read.address().isKnown()).isFalse());
    }

    @Test
    default void readShouldFindTheFailuresOfTheAccountFromEveryAddress() {
        LoginFailure here = failure(ALICE, ADDRESS, GUESS, NOW);
        LoginFailure elsewhere = failure(ALICE, OTHER_ADDRESS, OTHER_GUESS, NOW);
        testee().record(here);
        testee().record(elsewhere);

        assertThat(testee().read(ALICE, ADDRESS, LONG_AGO).failures()).containsExactlyInAnyOrder(here, elsewhere);
    }

    @Test
    default void readShouldFindTheFailuresFromTheAddressForEveryAccount() {
        LoginFailure alice = failure(ALICE, ADDRESS, GUESS, NOW);
        LoginFailure bob = failure(BOB, ADDRESS, OTHER_GUESS, NOW);
        testee().record(alice);
        testee().record(bob);

        assertThat(testee().read(ALICE, ADDRESS, LONG_AGO).failures()).containsExactlyInAnyOrder(alice, bob);
    }

    @Test
    default void readShouldNotFindFailuresOfAnotherAccountFromAnotherAddress() {
        testee().record(failure(BOB, OTHER_ADDRESS, GUESS, NOW));

        assertThat(testee().read(ALICE, ADDRESS, LONG_AGO).failures()).isEmpty();
    }

    @Test
    default void readShouldReturnAFailureOfTheAccountFromTheAddressOnce() {
        testee().record(failure(ALICE, ADDRESS, GUESS, NOW));

        assertThat(testee().read(ALICE, ADDRESS, LONG_AGO).failures()).hasSize(1);
    }

    @Test
    default void readShouldSkipFailuresBeforeSince() {
        testee().record(failure(ALICE, ADDRESS, GUESS, NOW.minusNanos(1)));
        testee().record(failure(BOB, ADDRESS, GUESS, NOW.minusNanos(1)));

        assertThat(testee().read(ALICE, ADDRESS, NOW).failures()).isEmpty();
    }

    @Test
    default void readShouldIncludeAFailureAtSince() {
        testee().record(failure(ALICE, ADDRESS, GUESS, NOW));
        testee().record(failure(BOB, ADDRESS, GUESS, NOW));

        assertThat(testee().read(ALICE, ADDRESS, NOW).failures()).hasSize(2);
    }

    @Test
    default void recordShouldKeepOneRowPerAccountAddressAndValueWithTheLatestTime() {
        testee().record(failure(ALICE, ADDRESS, GUESS, NOW));
        LoginFailure again = failure(ALICE, ADDRESS, GUESS, NOW.plusSeconds(90));
        testee().record(again);

        assertThat(testee().read(ALICE, ADDRESS, LONG_AGO).failures()).containsExactly(again);
        assertThat(kept()).isEqualTo(1);
    }

    @Test
    default void recordShouldKeepDifferentValuesApart() {
        testee().record(failure(ALICE, ADDRESS, GUESS, NOW));
        testee().record(failure(ALICE, ADDRESS, OTHER_GUESS, NOW));

        assertThat(testee().read(ALICE, ADDRESS, LONG_AGO).failures()).extracting(LoginFailure::fingerprint)
            .containsExactlyInAnyOrder(GUESS, OTHER_GUESS);
    }

    @Test
    default void recordShouldKeepOneValueFromTwoAddressesApart() {
        testee().record(failure(ALICE, ADDRESS, GUESS, NOW));
        testee().record(failure(ALICE, OTHER_ADDRESS, GUESS, NOW));

        assertThat(testee().read(ALICE, ADDRESS, LONG_AGO).failures()).extracting(LoginFailure::address)
            .containsExactlyInAnyOrder(ADDRESS, OTHER_ADDRESS);
    }

    @Test
    default void concurrentRecordsOfOneValueShouldKeepOneRow() throws Exception {
        Concurrently.run(Concurrently.THREADS, index -> {
            testee().record(failure(ALICE, ADDRESS, GUESS, NOW.plusMillis(index)));
            return null;
        });

        assertThat(testee().read(ALICE, ADDRESS, LONG_AGO).failures()).hasSize(1);
    }

    @Test
    default void concurrentRecordsOfDifferentValuesShouldKeepEveryOne() throws Exception {
        Concurrently.run(Concurrently.THREADS, index -> {
            testee().record(failure(ALICE, address("192.0.2." + index), "guess-" + index, NOW));
            return null;
        });

        assertThat(testee().read(ALICE, ADDRESS, LONG_AGO).failures()).hasSize(Concurrently.THREADS);
    }

    @Test
    default void aRefreshedFailureShouldBeKeptUntilItsNewTimeIsOld() {
        testee().record(failure(ALICE, ADDRESS, GUESS, LONG_AGO));
        testee().record(failure(ALICE, ADDRESS, GUESS, NOW));

        assertThat(testee().removeBefore(NOW.minus(Duration.ofDays(1)))).isEqualTo(1);
        assertThat(testee().read(BOB, ADDRESS, LONG_AGO).failures()).extracting(LoginFailure::at).containsExactly(NOW);
    }

    @Test
    default void aRefreshedFailureShouldBeForgottenLikeAnyOther() {
        testee().record(failure(ALICE, ADDRESS, GUESS, LONG_AGO));
        testee().record(failure(ALICE, ADDRESS, GUESS, NOW));
        testee().forget(ALICE);
        testee().record(failure(BOB, ADDRESS, GUESS, LONG_AGO));
        testee().record(failure(BOB, ADDRESS, GUESS, NOW));
        testee().forget(BOB);

        assertThat(testee().read(ALICE, ADDRESS, Instant.EPOCH).failures()).isEmpty();
        assertThat(kept()).isZero();
    }

    @Test
    default void theLongestNamesAndAddressesShouldBeKept() {
        Username longest = Username.of("a".repeat(255 - "@example.org".length()) + "@example.org");
        ClientAddress longestAddress = address("x".repeat(ClientAddress.MAX_LENGTH));
        LoginFailure failure = failure(longest, longestAddress, GUESS, NOW);

        testee().record(failure);
        testee().succeeded(longest, longestAddress, NOW, false, true);

        assertThat(testee().read(longest, longestAddress, LONG_AGO).failures()).containsExactly(failure);
        assertThat(testee().read(longest, longestAddress, LONG_AGO).lastSuccessFromAddress()).contains(NOW);
    }

    @Test
    default void succeededShouldForgiveTheFailuresOfThatAccountFromThatAddressOnly() {
        LoginFailure guess = failure(ALICE, ADDRESS, GUESS, NOW);
        LoginFailure otherGuess = failure(ALICE, ADDRESS, OTHER_GUESS, NOW);
        LoginFailure elsewhere = failure(ALICE, OTHER_ADDRESS, GUESS, NOW);
        LoginFailure otherAccount = failure(BOB, ADDRESS, GUESS, NOW);
        testee().record(guess);
        testee().record(otherGuess);
        testee().record(elsewhere);
        testee().record(otherAccount);

        testee().succeeded(ALICE, ADDRESS, NOW, true, false);

        assertThat(testee().read(ALICE, ADDRESS, LONG_AGO).failures())
            .containsExactlyInAnyOrder(guess.forgiven(), otherGuess.forgiven(), elsewhere, otherAccount);
    }

    @Test
    default void aForgivenFailureRecordedAgainShouldCountAgain() {
        testee().record(failure(ALICE, ADDRESS, GUESS, LONG_AGO));
        testee().succeeded(ALICE, ADDRESS, LONG_AGO, true, false);

        testee().record(failure(ALICE, ADDRESS, GUESS, NOW));

        assertThat(testee().read(ALICE, ADDRESS, LONG_AGO).failures()).containsExactly(failure(ALICE, ADDRESS, GUESS, NOW));
    }

    @Test
    default void succeededShouldKeepTheFailuresWhenNotAskedToForgetThem() {
        testee().record(failure(ALICE, ADDRESS, GUESS, NOW));

        testee().succeeded(ALICE, ADDRESS, NOW, false, true);

        assertThat(testee().read(ALICE, ADDRESS, LONG_AGO).failures()).hasSize(1);
    }

    @Test
    default void succeededShouldNoteTheSuccessOfTheAccountFromTheAddress() {
        testee().succeeded(ALICE, ADDRESS, NOW, false, true);

        assertThat(testee().read(ALICE, ADDRESS, LONG_AGO).lastSuccessFromAddress()).contains(NOW);
    }

    @Test
    default void succeededShouldNoteNothingWhenNotAskedTo() {
        testee().succeeded(ALICE, ADDRESS, NOW, true, false);

        assertThat(testee().read(ALICE, ADDRESS, LONG_AGO).lastSuccessFromAddress()).isEmpty();
    }

    @Test
    default void aLaterSuccessShouldRefreshTheNote() {
        Instant later = NOW.plus(Duration.ofHours(2));
        testee().succeeded(ALICE, ADDRESS, NOW, false, true);

        testee().succeeded(ALICE, ADDRESS, later, false, true);

        assertThat(testee().read(ALICE, ADDRESS, LONG_AGO).lastSuccessFromAddress()).contains(later);
    }

    @Test
    default void aSuccessShouldNotBeReadForAnotherAddressNorAnotherAccount() {
        testee().succeeded(ALICE, ADDRESS, NOW, false, true);

        assertThat(testee().read(ALICE, OTHER_ADDRESS, LONG_AGO).lastSuccessFromAddress()).isEmpty();
        assertThat(testee().read(BOB, ADDRESS, LONG_AGO).lastSuccessFromAddress()).isEmpty();
    }

    @Test
    default void aSuccessBeforeSinceShouldNotBeRead() {
        testee().succeeded(ALICE, ADDRESS, NOW.minusNanos(1), false, true);

        assertThat(testee().read(ALICE, ADDRESS, NOW).lastSuccessFromAddress()).isEmpty();
    }

    @Test
    default void concurrentSuccessesShouldNoteOneOfThem() throws Exception {
        Concurrently.run(Concurrently.THREADS, index -> {
            testee().succeeded(ALICE, ADDRESS, NOW.plusMillis(index), false, true);
            return null;
        });

        assertThat(testee().read(ALICE, ADDRESS, LONG_AGO).lastSuccessFromAddress()).isPresent();
    }

    @Test
    default void forgetShouldForgetEveryFailureAndSuccessOfTheUserOnly() {
        LoginFailure bob = failure(BOB, ADDRESS, GUESS, NOW);
        testee().record(failure(ALICE, ADDRESS, GUESS, NOW));
        testee().record(failure(ALICE, OTHER_ADDRESS, GUESS, NOW));
        testee().record(bob);
        testee().succeeded(ALICE, ADDRESS, NOW, false, true);
        testee().succeeded(BOB, ADDRESS, NOW, false, true);

        testee().forget(ALICE);

        assertThat(testee().read(ALICE, ADDRESS, LONG_AGO).failures()).containsExactly(bob);
        assertThat(testee().read(ALICE, ADDRESS, LONG_AGO).lastSuccessFromAddress()).isEmpty();
        assertThat(testee().read(BOB, ADDRESS, LONG_AGO).lastSuccessFromAddress()).contains(NOW);
    }

    @Test
    default void removeBeforeShouldForgetOlderFailuresAndSuccessesAndCountWhatRemains() {
        testee().record(failure(ALICE, ADDRESS, GUESS, LONG_AGO));
        testee().record(failure(BOB, OTHER_ADDRESS, GUESS, LONG_AGO));
        testee().record(failure(ALICE, ADDRESS, OTHER_GUESS, NOW));
        testee().succeeded(BOB, ADDRESS, LONG_AGO, false, true);

        assertThat(testee().removeBefore(NOW.minus(Duration.ofDays(1)))).isEqualTo(1);

        assertThat(testee().read(ALICE, ADDRESS, Instant.EPOCH).failures()).extracting(LoginFailure::fingerprint).containsExactly(OTHER_GUESS);
        assertThat(testee().read(BOB, OTHER_ADDRESS, Instant.EPOCH).failures()).isEmpty();
        assertThat(testee().read(BOB, ADDRESS, Instant.EPOCH).lastSuccessFromAddress()).isEmpty();
    }

    @Test
    default void removeBeforeShouldKeepWhatHappenedAtTheLimit() {
        testee().record(failure(ALICE, ADDRESS, GUESS, NOW));
        testee().succeeded(ALICE, ADDRESS, NOW, false, true);

        assertThat(testee().removeBefore(NOW)).isEqualTo(1);

        assertThat(testee().read(ALICE, ADDRESS, Instant.EPOCH).lastSuccessFromAddress()).contains(NOW);
    }

    @Test
    default void removeBeforeShouldCountNothingInAnEmptyStore() {
        assertThat(testee().removeBefore(NOW)).isZero();
    }

    @Test
    default void removeBeforeShouldNotCountSuccesses() {
        testee().succeeded(ALICE, ADDRESS, NOW, false, true);

        assertThat(testee().removeBefore(LONG_AGO)).isZero();
    }

    @Test
    default void namesThatLookAlikeShouldNotBeMixed() {
        Username prefix = Username.of("alice");
        Username wildcard = Username.of("al_ce@example.org");
        Username longer = Username.of("alice@example.org.example.net");
        testee().record(failure(prefix, OTHER_ADDRESS, GUESS, NOW));
        testee().record(failure(wildcard, OTHER_ADDRESS, GUESS, NOW));
        testee().record(failure(longer, OTHER_ADDRESS, GUESS, NOW));
        testee().succeeded(wildcard, ADDRESS, NOW, false, true);

        assertThat(testee().read(ALICE, ADDRESS, LONG_AGO).failures()).isEmpty();
        assertThat(testee().read(ALICE, ADDRESS, LONG_AGO).lastSuccessFromAddress()).isEmpty();
        testee().forget(ALICE);
        testee().succeeded(ALICE, OTHER_ADDRESS, NOW, true, false);
        assertThat(kept()).isEqualTo(3);
    }

    @Test
    default void addressesThatLookAlikeShouldNotBeMixed() {
        testee().record(failure(BOB, address("203.0.113.70"), GUESS, NOW));
        testee().record(failure(BOB, address("2001:db8:1:3::1"), GUESS, NOW));
        testee().record(failure(BOB, ClientAddress.UNKNOWN, GUESS, NOW));
        testee().succeeded(ALICE, address("203.0.113.70"), NOW, false, true);

        assertThat(testee().read(ALICE, ADDRESS, LONG_AGO).failures()).isEmpty();
        assertThat(testee().read(ALICE, OTHER_ADDRESS, LONG_AGO).failures()).isEmpty();
        assertThat(testee().read(ALICE, ADDRESS, LONG_AGO).lastSuccessFromAddress()).isEmpty();
        testee().succeeded(BOB, ADDRESS, NOW, true, false);
        assertThat(kept()).isEqualTo(3);
    }
}
