package org.apppasswords.e2e;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import com.google.inject.AbstractModule;
import com.google.inject.Module;

/**
 * The system clock moved on by a settable offset: bound as James's {@link Clock} by
 * {@link #module()}, so that a test can make minutes pass for the server at once.
 */
final class ShiftedClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(Clock.class).toInstance(ShiftedClock.this);
            }
        };
    }

    void shift(Duration by) {
        offset = offset.plus(by);
    }

    void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The server's clock stays in UTC");
    }
}
