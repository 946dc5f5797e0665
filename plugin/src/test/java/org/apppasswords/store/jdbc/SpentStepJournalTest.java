package org.apppasswords.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.james.core.Username;
import org.apppasswords.store.StoreUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpentStepJournalTest {
    private static final Username ALICE = Username.of("alice@example.org");
    private static final Username BOB = Username.of("bob@example.org");
    private static final long STEP = 56_950_000L;

    @TempDir
    Path directory;

    private SpentStepJournal journal;

    @AfterEach
    void tearDown() {
        if (journal != null) {
            journal.close();
        }
    }

    @Test
    void replayShouldReturnTheGreatestStepOfEachUser() {
        journal = SpentStepJournal.open(directory);
        journal.append(ALICE, STEP + 1);
        journal.append(BOB, STEP);
        journal.append(ALICE, STEP);

        assertThat(SpentStepJournal.replay(directory)).isEqualTo(Map.of(ALICE, STEP + 1, BOB, STEP));
    }

    @Test
    void replayShouldFindNothingInAnEmptyDirectory() {
        assertThat(SpentStepJournal.replay(directory)).isEmpty();
    }

    @Test
    void aTombstoneShouldDropOnlyTheRecordsBeforeIt() {
        journal = SpentStepJournal.open(directory);
        journal.append(ALICE, STEP + 10);
        journal.append(BOB, STEP);
        journal.append(ALICE, SpentStepRecords.TOMBSTONE);
        journal.append(BOB, SpentStepRecords.TOMBSTONE);
        journal.append(ALICE, STEP);

        assertThat(SpentStepJournal.replay(directory)).isEqualTo(Map.of(ALICE, STEP));
    }

    @Test
    void segmentsShouldBeReadInNumericOrder() {
        journal = SpentStepJournal.open(directory);
        for (int segment = 1; segment < 9; segment++) {
            journal.startNextSegment();
        }
        journal.append(ALICE, STEP);
        journal.startNextSegment();
        journal.append(ALICE, SpentStepRecords.TOMBSTONE);

        assertThat(segmentNames()).contains("spent-steps.9.journal", "spent-steps.10.journal");
        assertThat(SpentStepJournal.replay(directory)).isEmpty();
    }

    @Test
    void aRecordCutShortByACrashShouldEndTheReplayOfItsSegment() throws IOException {
        Path segment = aliceThenBob();

        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.setLength(file.length() - 3);
        }

        assertThat(SpentStepJournal.replay(directory)).isEqualTo(Map.of(ALICE, STEP));
    }

    @Test
    void aDamagedRecordShouldEndTheReplayOfItsSegment() throws IOException {
        Path segment = aliceThenBob();

        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            long lastByteOfBobsStep = file.length() - 5;
            file.seek(lastByteOfBobsStep);
            int original = file.read();
            file.seek(lastByteOfBobsStep);
            file.write(original ^ 0x01);
        }

        assertThat(SpentStepJournal.replay(directory)).isEqualTo(Map.of(ALICE, STEP));
    }

    @Test
    void aSegmentACrashLeftWithoutItsWholeHeaderShouldReadAsEmptyAndBeFollowed() throws IOException {
        Files.write(directory.resolve("spent-steps.5.journal"), "APS".getBytes(StandardCharsets.US_ASCII));

        assertThat(SpentStepJournal.replay(directory)).isEmpty();
        journal = SpentStepJournal.open(directory);
        assertThat(segmentNames()).contains("spent-steps.6.journal");
    }

    @Test
    void aFileThatIsNotAJournalShouldStopTheReplayWithItsName() throws IOException {
        Files.write(directory.resolve("spent-steps.1.journal"), "something else entirely".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> SpentStepJournal.replay(directory))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("spent-steps.1.journal");
    }

    @Test
    void filesNamedOtherwiseShouldBeIgnored() throws IOException {
        Files.write(directory.resolve("store.mv.db"), new byte[] {1, 2, 3});
        Files.write(directory.resolve("spent-steps.x.journal"), new byte[] {1, 2, 3});

        assertThat(SpentStepJournal.replay(directory)).isEmpty();
    }

    @Test
    void deleteEarlierSegmentsShouldKeepOnlyTheCurrentOne() {
        journal = SpentStepJournal.open(directory);
        journal.append(ALICE, STEP);
        journal.startNextSegment();
        journal.append(BOB, STEP);

        journal.deleteSegmentsBefore(journal.currentSegment());

        assertThat(segmentNames()).containsExactly("spent-steps.2.journal", "spent-steps.lock");
        assertThat(SpentStepJournal.replay(directory)).isEqualTo(Map.of(BOB, STEP));
    }

    @Test
    void aRecordAfterAFailedWriteShouldGoToANewSegmentSoThatReplayStillSeesIt() {
        AtomicInteger writes = new AtomicInteger();
        journal = SpentStepJournal.open(directory, segment -> new FileOutputStream(segment.toFile()) {
            @Override
            public void write(byte[] bytes) throws IOException {
                if (writes.incrementAndGet() == 3) {
                    super.write(Arrays.copyOf(bytes, bytes.length / 2));
                    throw new IOException("No space left on device");
                }
                super.write(bytes);
            }
        });
        journal.append(ALICE, STEP);

        assertThatThrownBy(() -> journal.append(BOB, STEP + 1)).isInstanceOf(StoreUnavailableException.class);
        journal.append(BOB, STEP + 2);

        assertThat(journal.currentSegment()).isEqualTo(2);
        assertThat(SpentStepJournal.replay(directory)).isEqualTo(Map.of(ALICE, STEP, BOB, STEP + 2));
    }

    @Test
    void aSecondJournalShouldNotOpenTheSameDirectory() {
        journal = SpentStepJournal.open(directory);

        assertThatThrownBy(() -> SpentStepJournal.open(directory))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("in use");
    }

    @Test
    void closeShouldGiveUpTheDirectoryAndRefuseLaterRecords() {
        SpentStepJournal closed = SpentStepJournal.open(directory);
        closed.close();

        assertThatThrownBy(() -> closed.append(ALICE, STEP)).isInstanceOf(StoreUnavailableException.class);
        journal = SpentStepJournal.open(directory);
        journal.append(ALICE, STEP);
        assertThat(SpentStepJournal.replay(directory)).isEqualTo(Map.of(ALICE, STEP));
    }

    @Test
    void holdsRecordsShouldSayWhetherTheCurrentSegmentHasAny() {
        journal = SpentStepJournal.open(directory);
        assertThat(journal.holdsRecords()).isFalse();

        journal.append(ALICE, STEP);
        assertThat(journal.holdsRecords()).isTrue();

        journal.startNextSegment();
        assertThat(journal.holdsRecords()).isFalse();
    }

    @Test
    void anInterruptedThreadShouldStillWriteAndLeaveTheJournalOpen() {
        journal = SpentStepJournal.open(directory);
        try {
            Thread.currentThread().interrupt();
            journal.append(ALICE, STEP);
        } finally {
            Thread.interrupted();
        }
        journal.append(BOB, STEP);

        assertThat(SpentStepJournal.replay(directory)).isEqualTo(Map.of(ALICE, STEP, BOB, STEP));
    }

    @Test
    void aNonAsciiNameShouldComeBackIntact() {
        Username accented = Username.of("zoë@exämple.org");
        journal = SpentStepJournal.open(directory);
        journal.append(accented, STEP);

        assertThat(SpentStepJournal.replay(directory)).isEqualTo(Map.of(accented, STEP));
    }

    /** A journal of two records, Alice's then Bob's, in its one segment. */
    private Path aliceThenBob() {
        journal = SpentStepJournal.open(directory);
        journal.append(ALICE, STEP);
        journal.append(BOB, STEP);
        List<String> names = segmentNames();
        assertThat(names).containsExactly("spent-steps.1.journal", "spent-steps.lock");
        return directory.resolve(names.get(0));
    }

    private List<String> segmentNames() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
