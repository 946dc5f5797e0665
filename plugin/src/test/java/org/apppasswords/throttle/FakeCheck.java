package org.apppasswords.throttle;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Check} whose outcome the test chooses, counting what the throttle made of the attempt:
 * {@link #runs} (the secret checked, James asked) and {@link #imitations} (the work of a check,
 * nobody asked). {@code during} runs inside {@link #run}, for a check that is slow or fails.
 */
final class FakeCheck implements Check {
    final AtomicInteger runs = new AtomicInteger();
    final AtomicInteger imitations = new AtomicInteger();
    private final Outcome outcome;
    private final Runnable during;

    FakeCheck(Outcome outcome, Runnable during) {
        this.outcome = outcome;
        this.during = during;
    }

    static FakeCheck accepting() {
        return new FakeCheck(Outcome.ACCEPTED, () -> { });
    }

    static FakeCheck refusing() {
        return new FakeCheck(Outcome.REFUSED, () -> { });
    }

    static FakeCheck refusingUnknownAccount() {
        return new FakeCheck(Outcome.REFUSED_UNKNOWN_ACCOUNT, () -> { });
    }

    @Override
    public Outcome run() {
        runs.incrementAndGet();
        during.run();
        return outcome;
    }

    @Override
    public void imitate() {
        imitations.incrementAndGet();
    }
}
