package org.apppasswords.apppassword;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPasswordId;
import org.apppasswords.apppassword.AppPasswordStore.AddOutcome;
import org.apppasswords.scope.MailProtocol;
import org.apppasswords.scope.ProtocolScope;
import org.apppasswords.store.UserGenerations;
import org.apppasswords.testing.Concurrently;
import org.junit.jupiter.api.Test;

/**
 * The Javadoc contract of {@link AppPasswordStore}, run once per backend: implement
 * {@link #testee()} to return an empty store for each test, and {@link #generations()} to return
 * the generations it orders its changes by. Uses the interfaces only. What the generations order is
 * in {@link org.apppasswords.store.UserGenerationsContract}.
 */
public interface AppPasswordStoreContract {
    Username ALICE = Username.of("alice@example.org");
    Username BOB = Username.of("bob@example.org");
    Instant CREATED = Instant.parse("2024-03-01T12:00:00Z");
    int NO_LIMIT = 25;

    AppPasswordStore testee();

    /** The generations {@link #testee()} checks its adds against. */
    UserGenerations generations();

    /** Adds with the user's generation now, as a caller that nothing revoked meanwhile. */
    default AddOutcome add(Username user, StoredAppPassword entry, int maxPerUser) {
        return testee().add(user, entry, maxPerUser, generations().current(user));
    }

    static AppPasswordId id(String value) {
        return AppPasswordId.parse(value).orElseThrow();
    }

    static StoredAppPassword entry(String id, Instant createdAt) {
        return StoredAppPassword.created(id(id), "label " + id, "$sha256$c2FsdCBvZiA" + id + "$aGFzaCBvZiA" + id, createdAt);
    }

    static StoredAppPassword entry(String id) {
        return entry(id, CREATED);
    }

    @Test
    default void addShouldStoreTheEntryWhenUnderTheLimit() {
        StoredAppPassword entry = entry("aaaaa");

        assertThat(add(ALICE, entry, NO_LIMIT)).isEqualTo(AddOutcome.ADDED);
        assertThat(testee().find(ALICE, id("aaaaa"))).contains(entry);
    }

    @Test
    default void theProtocolsAnEntryIsLimitedToShouldBeKeptThroughItsUses() {
        ProtocolScope smtpOnly = ProtocolScope.of(List.of(MailProtocol.SMTP));
        ProtocolScope reading = ProtocolScope.of(List.of(MailProtocol.IMAP, MailProtocol.JMAP));
        add(ALICE, StoredAppPassword.created(id("aaaaa"), "scanner", "$sha256$c2FsdA$aGFzaA", CREATED, smtpOnly), NO_LIMIT);
        add(ALICE, StoredAppPassword.created(id("bbbbb"), "reader", "$sha256$c2FsdA$aGFzaA", CREATED, reading), NO_LIMIT);
        add(ALICE, entry("ccccc"), NO_LIMIT);

        testee().recordUse(ALICE, id("aaaaa"), CREATED.plusSeconds(60), Optional.of("SMTP"));

        assertThat(testee().find(ALICE, id("aaaaa")).get().protocols()).isEqualTo(smtpOnly);
        assertThat(testee().find(ALICE, id("bbbbb")).get().protocols()).isEqualTo(reading);
        assertThat(testee().list(ALICE)).extracting(StoredAppPassword::protocols).containsExactly(smtpOnly, reading, ProtocolScope.all());
    }

    @Test
    default void findShouldReturnEmptyWhenIdIsUnknown() {
        add(ALICE, entry("aaaaa"), NO_LIMIT);

        assertThat(testee().find(ALICE, id("bbbbb"))).isEmpty();
    }

    @Test
    default void findShouldReturnEmptyWhenUserIsUnknown() {
        assertThat(testee().find(ALICE, id("aaaaa"))).isEmpty();
    }

    @Test
    default void findShouldNotSeeAnotherUsersEntry() {
        add(ALICE, entry("aaaaa"), NO_LIMIT);

        assertThat(testee().find(BOB, id("aaaaa"))).isEmpty();
    }

    @Test
    default void listShouldReturnEmptyWhenUserIsUnknown() {
        assertThat(testee().list(ALICE)).isEmpty();
    }

    @Test
    default void listShouldReturnEntriesOldestFirst() {
        StoredAppPassword second = entry("bbbbb", CREATED.plusSeconds(60));
        StoredAppPassword first = entry("ccccc", CREATED);
        StoredAppPassword third = entry("aaaaa", CREATED.plusSeconds(120));
        add(ALICE, second, NO_LIMIT);
        add(ALICE, third, NO_LIMIT);
        add(ALICE, first, NO_LIMIT);

        assertThat(testee().list(ALICE)).containsExactly(first, second, third);
    }

    @Test
    default void addShouldRefuseWhenTheLimitIsReached() {
        add(ALICE, entry("aaaaa"), 2);
        add(ALICE, entry("bbbbb"), 2);

        assertThat(add(ALICE, entry("ccccc"), 2)).isEqualTo(AddOutcome.LIMIT_REACHED);
        assertThat(testee().find(ALICE, id("ccccc"))).isEmpty();
        assertThat(testee().list(ALICE)).hasSize(2);
    }

    @Test
    default void addShouldCountTheLimitPerUser() {
        add(ALICE, entry("aaaaa"), 1);

        assertThat(add(BOB, entry("bbbbb"), 1)).isEqualTo(AddOutcome.ADDED);
    }

    @Test
    default void addShouldRefuseAnIdTheUserAlreadyHolds() {
        StoredAppPassword original = entry("aaaaa");
        add(ALICE, original, NO_LIMIT);
        StoredAppPassword sameId = StoredAppPassword.created(id("aaaaa"), "other", "$sha256$b3RoZXI$b3RoZXI", CREATED.plusSeconds(5));

        assertThat(add(ALICE, sameId, NO_LIMIT)).isEqualTo(AddOutcome.ID_TAKEN);
        assertThat(testee().find(ALICE, id("aaaaa"))).contains(original);
        assertThat(testee().list(ALICE)).containsExactly(original);
    }

    @Test
    default void addShouldAcceptTheSameIdUnderAnotherUser() {
        StoredAppPassword alices = entry("aaaaa");
        StoredAppPassword bobs = StoredAppPassword.created(id("aaaaa"), "bob's", "$sha256$Ym9i$Ym9i", CREATED);
        add(ALICE, alices, NO_LIMIT);

        assertThat(add(BOB, bobs, NO_LIMIT)).isEqualTo(AddOutcome.ADDED);
        assertThat(testee().find(ALICE, id("aaaaa"))).contains(alices);
        assertThat(testee().find(BOB, id("aaaaa"))).contains(bobs);
    }

    @Test
    default void revokeShouldRemoveTheEntry() {
        add(ALICE, entry("aaaaa"), NO_LIMIT);
        add(ALICE, entry("bbbbb"), NO_LIMIT);

        assertThat(testee().revoke(ALICE, id("aaaaa"))).isTrue();
        assertThat(testee().find(ALICE, id("aaaaa"))).isEmpty();
        assertThat(testee().list(ALICE)).containsExactly(entry("bbbbb"));
    }

    @Test
    default void revokeShouldReturnFalseWhenIdIsUnknown() {
        add(ALICE, entry("aaaaa"), NO_LIMIT);

        assertThat(testee().revoke(ALICE, id("bbbbb"))).isFalse();
        assertThat(testee().list(ALICE)).hasSize(1);
    }

    @Test
    default void revokeShouldReturnFalseWhenAlreadyRevoked() {
        add(ALICE, entry("aaaaa"), NO_LIMIT);
        testee().revoke(ALICE, id("aaaaa"));

        assertThat(testee().revoke(ALICE, id("aaaaa"))).isFalse();
    }

    @Test
    default void revokeShouldNotTouchTheSameIdOfAnotherUser() {
        add(ALICE, entry("aaaaa"), NO_LIMIT);
        add(BOB, entry("aaaaa"), NO_LIMIT);

        testee().revoke(ALICE, id("aaaaa"));

        assertThat(testee().find(BOB, id("aaaaa"))).contains(entry("aaaaa"));
    }

    @Test
    default void revokeShouldFreeASlotUnderTheLimit() {
        add(ALICE, entry("aaaaa"), 1);
        testee().revoke(ALICE, id("aaaaa"));

        assertThat(add(ALICE, entry("bbbbb"), 1)).isEqualTo(AddOutcome.ADDED);
    }

    @Test
    default void revokeAllShouldRemoveEveryEntryAndCountThem() {
        add(ALICE, entry("aaaaa"), NO_LIMIT);
        add(ALICE, entry("bbbbb"), NO_LIMIT);
        add(ALICE, entry("ccccc"), NO_LIMIT);

        assertThat(testee().revokeAll(ALICE)).isEqualTo(3);
        assertThat(testee().list(ALICE)).isEmpty();
        assertThat(testee().find(ALICE, id("bbbbb"))).isEmpty();
    }

    @Test
    default void revokeAllShouldReturnZeroWhenUserHoldsNone() {
        assertThat(testee().revokeAll(ALICE)).isZero();
    }

    @Test
    default void revokeAllShouldNotTouchAnotherUser() {
        add(ALICE, entry("aaaaa"), NO_LIMIT);
        add(BOB, entry("bbbbb"), NO_LIMIT);

        testee().revokeAll(ALICE);

        assertThat(testee().list(BOB)).containsExactly(entry("bbbbb"));
    }

    @Test
    default void recordUseShouldSetTheLastUse() {
        add(ALICE, entry("aaaaa"), NO_LIMIT);
        Instant used = CREATED.plusSeconds(3600);

        testee().recordUse(ALICE, id("aaaaa"), used);

        assertThat(testee().find(ALICE, id("aaaaa"))).contains(entry("aaaaa").usedAt(used));
        assertThat(testee().list(ALICE)).containsExactly(entry("aaaaa").usedAt(used));
    }

    @Test
    default void recordUseShouldReplaceAnEarlierUse() {
        add(ALICE, entry("aaaaa"), NO_LIMIT);
        testee().recordUse(ALICE, id("aaaaa"), CREATED.plusSeconds(60));

        testee().recordUse(ALICE, id("aaaaa"), CREATED.plusSeconds(120));

        assertThat(testee().find(ALICE, id("aaaaa")).flatMap(StoredAppPassword::lastUsedAt)).contains(CREATED.plusSeconds(120));
    }

    @Test
    default void recordUseShouldKeepTheProtocolOfTheUse() {
        add(ALICE, entry("aaaaa"), NO_LIMIT);
        Instant used = CREATED.plusSeconds(60);

        testee().recordUse(ALICE, id("aaaaa"), used, Optional.of("IMAP"));

        assertThat(testee().find(ALICE, id("aaaaa"))).contains(entry("aaaaa").usedAt(used, Optional.of("IMAP")));
        assertThat(testee().list(ALICE).get(0).lastUsedProtocol()).contains("IMAP");
    }

    @Test
    default void recordUseShouldKeepTheAddressOfTheUseThroughAMove() {
        add(ALICE, entry("aaaaa"), NO_LIMIT);
        Instant used = CREATED.plusSeconds(60);

        testee().recordUse(ALICE, id("aaaaa"), used, Optional.of("IMAP"), Optional.of("2001:db8::7"));
        testee().moveAll(ALICE, BOB);

        assertThat(testee().find(BOB, id("aaaaa"))).contains(entry("aaaaa").usedAt(used, Optional.of("IMAP"), Optional.of("2001:db8::7")));
        testee().recordUse(BOB, id("aaaaa"), used.plusSeconds(60), Optional.of("IMAP"));
        assertThat(testee().list(BOB).get(0).lastUsedAddress()).as("a use without address clears it").isEmpty();
    }

    @Test
    default void recordUseWithoutProtocolShouldClearTheEarlierProtocol() {
        add(ALICE, entry("aaaaa"), NO_LIMIT);
        testee().recordUse(ALICE, id("aaaaa"), CREATED.plusSeconds(60), Optional.of("IMAP"));

        testee().recordUse(ALICE, id("aaaaa"), CREATED.plusSeconds(120));

        assertThat(testee().find(ALICE, id("aaaaa")).flatMap(StoredAppPassword::lastUsedProtocol)).isEmpty();
    }

    @Test
    default void moveAllShouldKeepTheLastUsedProtocol() {
        add(ALICE, entry("aaaaa"), NO_LIMIT);
        testee().recordUse(ALICE, id("aaaaa"), CREATED.plusSeconds(60), Optional.of("POP3"));

        testee().moveAll(ALICE, BOB);

        assertThat(testee().find(BOB, id("aaaaa")).flatMap(StoredAppPassword::lastUsedProtocol)).contains("POP3");
    }

    @Test
    default void addShouldKeepAGivenLastUsedProtocol() {
        StoredAppPassword used = entry("aaaaa").usedAt(CREATED.plusSeconds(60), Optional.of("SMTP"));

        add(ALICE, used, NO_LIMIT);

        assertThat(testee().find(ALICE, id("aaaaa"))).contains(used);
    }

    @Test
    default void recordUseShouldNotResurrectARevokedEntry() {
        add(ALICE, entry("aaaaa"), NO_LIMIT);
        testee().revoke(ALICE, id("aaaaa"));

        testee().recordUse(ALICE, id("aaaaa"), CREATED.plusSeconds(60));

        assertThat(testee().find(ALICE, id("aaaaa"))).isEmpty();
        assertThat(testee().list(ALICE)).isEmpty();
    }

    @Test
    default void recordUseShouldDoNothingForAnUnknownUser() {
        testee().recordUse(ALICE, id("aaaaa"), CREATED);

        assertThat(testee().list(ALICE)).isEmpty();
        assertThat(add(ALICE, entry("bbbbb"), 1)).isEqualTo(AddOutcome.ADDED);
    }

    @Test
    default void recordUseShouldNotTouchTheSameIdOfAnotherUser() {
        add(ALICE, entry("aaaaa"), NO_LIMIT);
        add(BOB, entry("aaaaa"), NO_LIMIT);

        testee().recordUse(ALICE, id("aaaaa"), CREATED.plusSeconds(60));

        assertThat(testee().find(BOB, id("aaaaa")).flatMap(StoredAppPassword::lastUsedAt)).isEmpty();
    }

    @Test
    default void concurrentAddsShouldNeverExceedTheLimit() throws Exception {
        int limit = 5;

        List<AddOutcome> added = Concurrently.run(Concurrently.THREADS,
            index -> add(ALICE, entry(String.format("aa%03d", index)), limit));

        assertThat(Collections.frequency(added, AddOutcome.ADDED)).isEqualTo(limit);
        assertThat(Collections.frequency(added, AddOutcome.LIMIT_REACHED)).isEqualTo(Concurrently.THREADS - limit);
        assertThat(testee().list(ALICE)).hasSize(limit);
    }

    @Test
    default void concurrentAddsOfTheSameIdShouldStoreOnlyOne() throws Exception {
        List<AddOutcome> added = Concurrently.run(Concurrently.THREADS,
            index -> add(ALICE, entry("aaaaa", CREATED.plusSeconds(index)), NO_LIMIT));

        assertThat(Collections.frequency(added, AddOutcome.ADDED)).isEqualTo(1);
        Optional<StoredAppPassword> stored = testee().find(ALICE, id("aaaaa"));
        assertThat(testee().list(ALICE)).containsExactly(stored.orElseThrow());
        assertThat(stored.get()).isEqualTo(entry("aaaaa", CREATED.plusSeconds(added.indexOf(AddOutcome.ADDED))));
    }

    @Test
    default void addShouldSayTheLimitWhenTheIdIsAlsoTaken() {
        add(ALICE, entry("aaaaa"), 1);

        assertThat(add(ALICE, entry("aaaaa"), 1)).isEqualTo(AddOutcome.LIMIT_REACHED);
    }

    @Test
    default void moveAllShouldHandEveryEntryToTheNewName() {
        StoredAppPassword used = entry("aaaaa").usedAt(CREATED.plusSeconds(30));
        add(ALICE, used, NO_LIMIT);
        add(ALICE, entry("bbbbb", CREATED.plusSeconds(60)), NO_LIMIT);

        assertThat(testee().moveAll(ALICE, BOB)).isEqualTo(2);

        assertThat(testee().list(ALICE)).isEmpty();
        assertThat(testee().find(ALICE, id("aaaaa"))).isEmpty();
        assertThat(testee().list(BOB)).containsExactly(used, entry("bbbbb", CREATED.plusSeconds(60)));
    }

    @Test
    default void moveAllShouldKeepTheTargetsEntryWhenIdsClash() {
        StoredAppPassword bobs = StoredAppPassword.created(id("aaaaa"), "bob's", "$sha256$Ym9i$Ym9i", CREATED);
        add(BOB, bobs, NO_LIMIT);
        add(ALICE, entry("aaaaa"), NO_LIMIT);
        add(ALICE, entry("bbbbb"), NO_LIMIT);

        assertThat(testee().moveAll(ALICE, BOB)).isEqualTo(1);

        assertThat(testee().find(BOB, id("aaaaa"))).contains(bobs);
        assertThat(testee().find(BOB, id("bbbbb"))).contains(entry("bbbbb"));
        assertThat(testee().list(ALICE)).isEmpty();
    }

    @Test
    default void moveAllShouldIgnoreTheLimitOfTheTarget() {
        add(BOB, entry("aaaaa"), NO_LIMIT);
        add(ALICE, entry("bbbbb"), NO_LIMIT);

        testee().moveAll(ALICE, BOB);

        assertThat(testee().list(BOB)).hasSize(2);
    }

    @Test
    default void moveAllShouldReturnZeroWhenTheOldNameHoldsNothing() {
        add(BOB, entry("aaaaa"), NO_LIMIT);

        assertThat(testee().moveAll(ALICE, BOB)).isZero();
        assertThat(testee().list(BOB)).hasSize(1);
    }

    @Test
    default void moveAllToTheSameNameShouldKeepEverything() {
        add(ALICE, entry("aaaaa"), NO_LIMIT);

        testee().moveAll(ALICE, ALICE);

        assertThat(testee().list(ALICE)).containsExactly(entry("aaaaa"));
    }
}
