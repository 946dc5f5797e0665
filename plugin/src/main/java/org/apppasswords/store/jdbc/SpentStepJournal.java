package org.apppasswords.store.jdbc;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import org.apache.james.core.Username;
import org.apppasswords.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only record of accepted TOTP steps, in numbered segment files
 * ({@code spent-steps.<n>.journal}) beside the embedded H2 file. Each record is one
 * {@code write} of {@code [name length: 2][name: UTF-8][step: 8][CRC-32 of the former: 4]}; a
 * step of {@link Long#MIN_VALUE} is a tombstone (the user's earlier records are settled in the
 * database). A write reaches the operating system before {@link #append} returns, as an H2
 * commit with {@code WRITE_DELAY=0} does: a SIGKILL loses nothing answered, and neither survives
 * a power failure without the disk's own cache flush.
 *
 * <p>Written through {@link FileOutputStream}, which a thread interrupt does not close (a
 * {@code FileChannel} would be closed for every later login). Not thread-safe: the caller holds
 * a lock. Records carry user names and steps, never a secret.
 */
final class SpentStepJournal implements AutoCloseable {
    static final long TOMBSTONE = Long.MIN_VALUE;
    private static final byte[] MAGIC = "APSTEPS1".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern SEGMENT = Pattern.compile("spent-steps\\.(\\d{1,18})\\.journal");
    private static final Logger LOGGER = LoggerFactory.getLogger(SpentStepJournal.class);

    private final Path directory;
    private long segment;
    private FileOutputStream out;

    private SpentStepJournal(Path directory, long segment) {
        this.directory = directory;
        this.segment = segment;
    }

    /**
     * The last step of each user in the segments of {@code directory}, read in order (a tombstone
     * drops what came before it). A record cut short by a crash ends its segment.
     */
    static Map<Username, Long> replay(Path directory) {
        Map<Username, Long> steps = new HashMap<>();
        for (Path segment : segments(directory).values()) {
            readSegment(segment, steps);
        }
        return steps;
    }

    /** Starts a new segment after those already in {@code directory}. */
    static SpentStepJournal openAfterExisting(Path directory) {
        long last = segments(directory).keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        SpentStepJournal journal = new SpentStepJournal(directory, last);
        journal.startNextSegment();
        return journal;
    }

    void append(Username user, long step) {
        try {
            out.write(record(user, step));
        } catch (IOException e) {
            throw new StoreUnavailableException("App passwords store: the spent-step journal " + current() + " cannot be written: "
                + e.getMessage(), e);
        }
    }

    /** Appends to a new segment from now on; the earlier ones stay until {@link #deleteEarlierSegments}. */
    void startNextSegment() {
        Path next = directory.resolve(name(segment + 1));
        try {
            FileOutputStream opened = new FileOutputStream(next.toFile(), true);
            opened.write(MAGIC);
            closeQuietly(out);
            out = opened;
            segment++;
        } catch (IOException e) {
            throw new StoreUnavailableException("App passwords store: the spent-step journal " + next + " cannot be created: "
                + e.getMessage(), e);
        }
    }

    /** Deletes every segment before the current one: call once what they hold is in the database. */
    void deleteEarlierSegments() {
        for (Map.Entry<Long, Path> earlier : segments(directory).headMap(segment).entrySet()) {
            try {
                Files.deleteIfExists(earlier.getValue());
            } catch (IOException e) {
                LOGGER.warn("Could not delete the settled spent-step journal {}; it will be tried again: {}", earlier.getValue(), e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(out);
    }

    private Path current() {
        return directory.resolve(name(segment));
    }

    private static byte[] record(Username user, long step) {
        byte[] name = user.asString().getBytes(StandardCharsets.UTF_8);
        if (name.length > 0xFFFF) {
            throw new IllegalArgumentException("A user name longer than 65535 bytes cannot be journaled");
        }
        ByteBuffer buffer = ByteBuffer.allocate(2 + name.length + 8 + 4);
        buffer.putShort((short) name.length).put(name).putLong(step);
        CRC32 crc = new CRC32();
        crc.update(buffer.array(), 0, buffer.position());
        buffer.putInt((int) crc.getValue());
        return buffer.array();
    }

    private static void readSegment(Path segment, Map<Username, Long> steps) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(segment)))) {
            if (!hasMagic(in, segment)) {
                return;
            }
            while (true) {
                int length = in.readUnsignedShort();
                byte[] name = in.readNBytes(length);
                long step = in.readLong();
                int checksum = in.readInt();
                ByteBuffer read = ByteBuffer.allocate(2 + name.length + 8).putShort((short) length).put(name).putLong(step);
                CRC32 crc = new CRC32();
                crc.update(read.array());
                if ((int) crc.getValue() != checksum) {
                    LOGGER.warn("The spent-step journal {} ends with a damaged record; what follows it is ignored", segment);
                    return;
                }
                Username user = Username.of(new String(name, StandardCharsets.UTF_8));
                if (step == TOMBSTONE) {
                    steps.remove(user);
                } else {
                    steps.merge(user, step, Math::max);
                }
            }
        } catch (EOFException e) {
            // The end of the segment, or a record a crash cut short: it was never answered.
        } catch (IOException e) {
            throw new UncheckedIOException("The spent-step journal " + segment + " cannot be read", e);
        }
    }

    /** False for a segment a crash left empty or shorter than its header; refuses a file that is not a journal. */
    private static boolean hasMagic(InputStream in, Path segment) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length);
        if (magic.length < MAGIC.length) {
            return false;
        }
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IllegalStateException(segment + " is not a spent-step journal of James App Passwords");
        }
        return true;
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

    private static void closeQuietly(FileOutputStream stream) {
        if (stream == null) {
            return;
        }
        try {
            stream.close();
        } catch (IOException e) {
            LOGGER.warn("Could not close a spent-step journal: {}", e.getMessage());
        }
    }
}
