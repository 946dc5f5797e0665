package org.apppasswords.bench;

import java.util.Arrays;

/** Latencies in nanoseconds, appended by one thread, merged and read once a case is over. */
final class Latencies {
    private long[] values = new long[1024];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
    }

    int size() {
        return size;
    }

    /** The {@code quantile} (0 to 1) in milliseconds, nearest rank; NaN when empty. */
    double millis(double quantile) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(quantile * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, rank))] / 1_000_000.0;
    }
}
