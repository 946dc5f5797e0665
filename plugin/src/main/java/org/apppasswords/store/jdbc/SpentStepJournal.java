package org.apppasswords.store.jdbc;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.james.core.Username;
import org.apppasswords.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only record of accepted TOTP steps, in numbered segment files
 * ({@code spent-steps.<n>.journal}, format in {@link SpentStepRecords}) beside the embedded H2
 * file, the directory locked by {@code spent-steps.lock} against a second owner. Each record is
 * one {@code write}, done before {@link #append} returns, as an H2 commit with
 * {@code WRITE_DELAY=0} is: a SIGKILL loses nothing answered, and neither survives a power
 * failure without the disk's own cache flush. After a failed write the segment ends there (its
 * tail may be torn) and the next record starts a new one.
 *
 * <p>Written through {@link FileOutputStream}, which a thread interrupt does not close (a
 * {@code FileChannel} would be closed for every later login). Appending and starting a segment
 * need the caller's lock; {@link #deleteSegmentsBefore} touches no state of this object.
 */
final class SpentStepJournal implements AutoCloseable {
    private static final Pattern SEGMENT = Pattern.compile("spent-steps\\.(\\d{1,18})\\.journal");
    private static final Logger LOGGER = LoggerFactory.getLogger(SpentStepJournal.class);

    /** Opens a new, empty segment file: a seam for tests of failing writes. */
    @FunctionalInterface
    interface SegmentOpener {
        OutputStream open(Path segment) throws IOException;
    }

    private final Path directory;
    private final FileChannel lockFile;
    private final SegmentOpener opener;
    private long segment;
    private OutputStream out;
    private boolean holdsRecords;
    private boolean closed;

    private SpentStepJournal(Path directory, FileChannel lockFile, SegmentOpener opener, long segment) {
        this.directory = directory;
        this.lockFile = lockFile;
        this.opener = opener;
        this.segment = segment;
    }

    /** The last step of each user in the segments of {@code directory}, read in order. */
    static Map<Username, Long> replay(Path directory) {
        Map<Username, Long> steps = new HashMap<>();
        segments(directory).values().forEach(segment -> SpentStepRecords.readInto(segment, steps));
        return steps;
    }

    static SpentStepJournal open(Path directory) {
        return open(directory, segment -> new FileOutputStream(segment.toFile()));
    }

    /**
     * Locks {@code directory} and starts a new segment after those an earlier run left, which stay
     * until {@link #deleteSegmentsBefore} (read them first with {@link #replay}).
     *
     * @throws IllegalStateException when another store holds the directory
     */
    static SpentStepJournal open(Path directory, SegmentOpener opener) {
        FileChannel lockFile = lock(directory);
        long last = segments(directory).keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        SpentStepJournal journal = new SpentStepJournal(directory, lockFile, opener, last);
        try {
            journal.startNextSegment();
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
        return journal;
    }

    void append(Username user, long step) {
        if (closed) {
            throw new StoreUnavailableException("App passwords store: the spent-step journal is closed", new IllegalStateException("closed"));
        }
        if (out == null) {
            startNextSegment();
        }
        try {
            out.write(SpentStepRecords.encode(user, step));
            holdsRecords = true;
        } catch (IOException e) {
            closeQuietly(out);
            out = null;
            throw new StoreUnavailableException("App passwords store: the spent-step journal " + name(segment) + " cannot be written: "
                + e.getMessage(), e);
        }
    }

    /** Whether the current segment holds a record: when it does not, a fold need not start another. */
    boolean holdsRecords() {
        return holdsRecords;
    }

    /** Appends to a new segment from now on. @return its number: the earlier ones may be deleted once folded */
    long startNextSegment() {
        Path next = directory.resolve(name(segment + 1));
        OutputStream opened = null;
        try {
            opened = opener.open(next);
            opened.write(SpentStepRecords.HEADER);
        } catch (IOException e) {
            closeQuietly(opened);
            throw new StoreUnavailableException("App passwords store: the spent-step journal " + next + " cannot be created: "
                + e.getMessage(), e);
        }
        closeQuietly(out);
        out = opened;
        holdsRecords = false;
        return ++segment;
    }

    long currentSegment() {
        return segment;
    }

    /** Deletes the segments numbered below {@code first}: call once what they hold is in the database. */
    void deleteSegmentsBefore(long first) {
        for (Path earlier : segments(directory).headMap(first).values()) {
            try {
                Files.deleteIfExists(earlier);
            } catch (IOException e) {
                LOGGER.warn("Could not delete the folded spent-step journal {}; it will be tried again: {}", earlier, e.getMessage());
            }
        }
    }

    /** Closes the segment and gives up the directory; later appends fail. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(out);
        closeQuietly(lockFile);
    }

    private static FileChannel lock(Path directory) {
        Path lockPath = directory.resolve("spent-steps.lock");
        try {
            FileChannel channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = null;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                // Held by this JVM.
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("The spent-step journal in " + directory + " is in use by another store");
            }
            return channel;
        } catch (IOException e) {
            throw new UncheckedIOException("The spent-step journal lock " + lockPath + " cannot be taken", e);
        }
    }

    private static TreeMap<Long, Path> segments(Path directory) {
        TreeMap<Long, Path> segments = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "spent-steps.*.journal")) {
            for (Path file : files) {
                Matcher matcher = SEGMENT.matcher(file.getFileName().toString());
                if (matcher.matches()) {
                    segments.put(Long.parseLong(matcher.group(1)), file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The spent-step journals in " + directory + " cannot be listed", e);
        }
        return segments;
    }

    private static String name(long segment) {
        return "spent-steps." + segment + ".journal";
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOGGER.warn("Could not close a spent-step journal file: {}", e.getMessage());
        }
    }
}
