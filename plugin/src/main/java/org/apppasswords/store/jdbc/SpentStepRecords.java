package org.apppasswords.store.jdbc;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;

import org.apache.james.core.Username;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The format of one segment of the {@link SpentStepJournal}: an 8-byte header
 * ({@code APSTEPS1}), then records of {@code [name length: 2][name: UTF-8][step: 8][CRC-32 of
 * the former: 4]}, big-endian. A step of {@link #TOMBSTONE} says the user's earlier records are
 * settled in the database.
 */
final class SpentStepRecords {
    static final long TOMBSTONE = Long.MIN_VALUE;
    static final byte[] HEADER = "APSTEPS1".getBytes(StandardCharsets.US_ASCII);
    private static final Logger LOGGER = LoggerFactory.getLogger(SpentStepRecords.class);

    private SpentStepRecords() {
    }

    static byte[] encode(Username user, long step) {
        byte[] name = user.asString().getBytes(StandardCharsets.UTF_8);
        if (name.length > 0xFFFF) {
            throw new IllegalArgumentException("A user name longer than 65535 bytes cannot be journaled");
        }
        ByteBuffer record = ByteBuffer.allocate(2 + name.length + 8 + 4);
        record.putShort((short) name.length).put(name).putLong(step);
        record.putInt(checksum(record.array(), record.position()));
        return record.array();
    }

    /**
     * Applies the records of {@code segment} to {@code steps} in order: the greatest step of each
     * user, a tombstone dropping what came before it. The first record that a crash cut short or
     * that fails its checksum ends the segment.
     *
     * @throws IllegalStateException when the file has a whole header that is not ours
     */
    static void readInto(Path segment, Map<Username, Long> steps) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(segment)))) {
            byte[] header = in.readNBytes(HEADER.length);
            if (header.length == HEADER.length && !Arrays.equals(header, HEADER)) {
                throw new IllegalStateException(segment + " is not a spent-step journal of James App Passwords");
            }
            while (true) {
                int length = in.readUnsignedShort();
                byte[] record = ByteBuffer.allocate(2 + length + 8).putShort((short) length).put(in.readNBytes(length))
                    .putLong(in.readLong()).array();
                if (in.readInt() != checksum(record, record.length)) {
                    LOGGER.warn("The spent-step journal {} holds a damaged record; the records after it are ignored", segment);
                    return;
                }
                apply(record, steps);
            }
        } catch (EOFException e) {
            // The end of the segment, or a record that a crash cut short: never answered.
        } catch (IOException e) {
            throw new UncheckedIOException("The spent-step journal " + segment + " cannot be read", e);
        }
    }

    private static void apply(byte[] record, Map<Username, Long> steps) {
        ByteBuffer buffer = ByteBuffer.wrap(record);
        int length = buffer.getShort() & 0xFFFF;
        Username user = Username.of(new String(record, 2, length, StandardCharsets.UTF_8));
        long step = buffer.position(2 + length).getLong();
        if (step == TOMBSTONE) {
            steps.remove(user);
        } else {
            steps.merge(user, step, Math::max);
        }
    }

    private static int checksum(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }
}
