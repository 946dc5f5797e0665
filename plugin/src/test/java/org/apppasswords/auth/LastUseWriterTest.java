package org.apppasswords.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPasswordId;
import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.apppassword.StoredAppPassword;
import org.apppasswords.store.memory.MemoryAppPasswordStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LastUseWriterTest {
    private static final Username ALICE = Username.of("alice@example.org");
    private static final AppPasswordId ID = AppPasswordId.parse("aaaaa").orElseThrow();
    private static final Instant CREATED = Instant.parse("2024-03-01T12:00:00Z");

    private final AppPasswordStore store = new MemoryAppPasswordStore();
    private LastUseWriter writer;

    @BeforeEach
    void setUp() {
        store.add(ALICE, StoredAppPassword.created(ID, "label", "$sha256$c2FsdA$aGFzaA", CREATED), 25);
        writer = LastUseWriter.background(store);
    }

    @AfterEach
    void tearDown() {
        writer.close();
    }

    @Test
    void recordShouldNotWriteOnTheCallersThread() {
        writer.record(ALICE, ID, CREATED.plusSeconds(60));

        assertThat(lastUse()).isEmpty();
    }

    @Test
    void flushShouldWriteWhatWasRecorded() {
        writer.record(ALICE, ID, CREATED.plusSeconds(60));

        writer.flush();

        assertThat(lastUse()).contains(CREATED.plusSeconds(60));
    }

    @Test
    void flushShouldKeepTheLatestOfSeveralUses() {
        writer.record(ALICE, ID, CREATED.plusSeconds(120));
        writer.record(ALICE, ID, CREATED.plusSeconds(60));

        writer.flush();

        assertThat(lastUse()).contains(CREATED.plusSeconds(120));
    }

    @Test
    void closeShouldWriteWhatIsPending() {
        writer.record(ALICE, ID, CREATED.plusSeconds(60));

        writer.close();

        assertThat(lastUse()).contains(CREATED.plusSeconds(60));
    }

    @Test
    void flushShouldNotResurrectARevokedEntry() {
        writer.record(ALICE, ID, CREATED.plusSeconds(60));
        store.revoke(ALICE, ID);

        writer.flush();

        assertThat(store.find(ALICE, ID)).isEmpty();
    }

    @Test
    void usesBeyondTheBoundShouldBeDropped() {
        for (int i = 0; i < LastUseWriter.MAX_PENDING; i++) {
            writer.record(Username.of("user" + i + "@example.org"), ID, CREATED);
        }
        writer.record(ALICE, ID, CREATED.plusSeconds(60));

        writer.flush();

        assertThat(lastUse()).isEmpty();
    }

    @Test
    void immediateWriterShouldWriteAtOnce() {
        LastUseWriter.immediate(store).record(ALICE, ID, CREATED.plusSeconds(60));

        assertThat(lastUse()).contains(CREATED.plusSeconds(60));
    }

    private Optional<Instant> lastUse() {
        return store.find(ALICE, ID).flatMap(StoredAppPassword::lastUsedAt);
    }
}
