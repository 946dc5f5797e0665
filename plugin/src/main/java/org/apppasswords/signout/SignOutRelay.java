package org.apppasswords.signout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.james.core.Username;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs out on every node: a revocation publishes a notice ({@link SignOutNotices}), and each node,
 * this one included, reads the notices every second and ends its own connections they concern.
 *
 * <p>Each read starts {@link #WINDOW} before the previous one began, so that a notice committed late
 * (its number taken earlier) and the notices published while this node could not read the store are
 * still seen; the numbers already applied are remembered, so that none is applied again once it
 * has settled ({@link #SETTLING}). A notice ends
 * the connections whose login check started before it was published: a login checked against the
 * secret just revoked ends, a login with a new password made after the revocation (a user removed
 * then created again) stays. Across nodes that compares two clocks, which must agree (NTP).
 */
public final class SignOutRelay implements SignOut, AutoCloseable {
    static final Duration INTERVAL = Duration.ofSeconds(1);
    static final Duration WINDOW = Duration.ofSeconds(30);
    /**
     * How long a notice is applied again at each read: a login whose check started before the
     * revocation may be noted after this node first applied the notice (the check read the secret
     * just before it was revoked); applied again, the notice ends that connection too.
     */
    static final Duration SETTLING = Duration.ofSeconds(5);
    /** How long notices are kept for a node that cannot read them meanwhile. */
    static final Duration KEPT = Duration.ofMinutes(10);
    private static final Logger LOGGER = LoggerFactory.getLogger(SignOutRelay.class);

    private final SignOutNotices notices;
    private final LocalConnections local;
    private final Clock clock;
    private final Map<Long, Instant> applied = new HashMap<>();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "app-passwords-sign-out");
        thread.setDaemon(true);
        return thread;
    });
    private Instant readFrom;
    private Instant forgotten;
    private boolean unreadable;

    public SignOutRelay(SignOutNotices notices, LocalConnections local, Clock clock) {
        this.notices = notices;
        this.local = local;
        this.clock = clock;
        this.readFrom = clock.instant();
        this.forgotten = readFrom;
    }

    /** Reads the notices every {@link #INTERVAL} on its own thread, until {@link #close()}. */
    public void start() {
        executor.scheduleWithFixedDelay(this::read, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void end(Username user, OpenedWith openedWith) {
        Instant now = clock.instant();
        try {
            notices.publish(user, openedWith, now);
        } catch (RuntimeException e) {
            LOGGER.warn("A sign-out could not be published to the other nodes: they keep their connections until they log in again");
            local.end(user, openedWith, now);
        }
    }

    /** Applies the notices not applied yet; a store that does not answer is read again, from as far back, next time. */
    synchronized void read() {
        Instant now = clock.instant();
        try {
            Instant from = readFrom.minus(WINDOW);
            for (SignOutNotice notice : notices.since(from)) {
                boolean settling = notice.at().isAfter(now.minus(SETTLING));
                if (applied.putIfAbsent(notice.sequence(), notice.at()) == null || settling) {
                    local.end(notice.user(), notice.openedWith(), notice.at());
                }
            }
            readFrom = now;
            // What the next read cannot return again (published before its start) need not be remembered.
            applied.values().removeIf(at -> at.isBefore(now.minus(WINDOW)));
            if (forgotten.plus(KEPT).isBefore(now)) {
                notices.forgetBefore(now.minus(KEPT));
                forgotten = now;
            }
            unreadable = false;
        } catch (RuntimeException e) {
            if (!unreadable) {
                LOGGER.warn("Sign-out notices cannot be read: this node's connections are signed out once they can");
            }
            unreadable = true;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
