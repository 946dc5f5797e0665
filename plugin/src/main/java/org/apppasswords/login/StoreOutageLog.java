package org.apppasswords.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says in the log that logins are refused because the store cannot be reached: at most once per
 * {@link #INTERVAL} (with how many refusals it covers), not once per login, so an outage does not
 * flood the log; and once, when a login reaches the store again.
 */
public final class StoreOutageLog {
    public static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final Logger LOGGER = LoggerFactory.getLogger(StoreOutageLog.class);

    private final Clock clock;
    private final Duration interval;
    private final AtomicLong refusedSinceReport = new AtomicLong();
    private Instant lastReport;
    private volatile boolean inOutage;

    public StoreOutageLog(Clock clock) {
        this(clock, INTERVAL);
    }

    StoreOutageLog(Clock clock, Duration interval) {
        this.clock = clock;
        this.interval = interval;
    }

    /** A login was refused because the store failed. */
    void refused(String cause) {
        long refused = refusedSinceReport.incrementAndGet();
        inOutage = true;
        Instant now = clock.instant();
        synchronized (this) {
            if (lastReport != null && now.isBefore(lastReport.plus(interval))) {
                return;
            }
            lastReport = now;
            refusedSinceReport.addAndGet(-refused);
        }
        LOGGER.error("App passwords store unavailable: logins are refused (fail closed) until it answers again; {} refused since the"
            + " last report. Cause: {}", refused, cause);
    }

    /** A login reached the store. */
    void reached() {
        if (inOutage) {
            synchronized (this) {
                if (!inOutage) {
                    return;
                }
                inOutage = false;
                lastReport = null;
            }
            LOGGER.warn("App passwords store reachable again: logins are checked as usual");
        }
    }
}
