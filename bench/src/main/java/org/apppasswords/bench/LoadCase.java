package org.apppasswords.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** One kind of login against one server, and what it measured over every round. */
final class LoadCase {
    /** One attempt; returns the server's answer (true: logged in), or null when no attempt could be made. */
    interface Attempt {
        Boolean run(int client, long sequence) throws Exception;
    }

    final String name;
    final String baseline;
    final boolean expected;
    final Attempt attempt;
    final Latencies latencies = new Latencies();
    final AtomicLong unexpected = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final List<Double> roundRates = new ArrayList<>();
    /** The first few error messages, to tell a harness problem from a server problem. */
    final List<String> errorSamples = java.util.Collections.synchronizedList(new ArrayList<>());
    long attempts;
    long nanos;

    /** @param baseline the stock case this one is compared with, or null for a stock case */
    LoadCase(String name, String baseline, boolean expected, Attempt attempt) {
        this.name = name;
        this.baseline = baseline;
        this.expected = expected;
        this.attempt = attempt;
    }

    void error(Exception e) {
        errors.incrementAndGet();
        if (errorSamples.size() < 5) {
            errorSamples.add(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    double rate() {
        return nanos == 0 ? 0 : attempts * 1e9 / nanos;
    }
}
