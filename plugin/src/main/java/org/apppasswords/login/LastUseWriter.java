package org.apppasswords.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPasswordId;
import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.apppassword.StoredAppPassword;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the last-use writes off the login path: a login only notes the use in a bounded map
 * (one slot per app password, the latest use wins), and one background thread writes the map to
 * the store every {@link #FLUSH_INTERVAL}. With the login's own throttle (a use is noted only when
 * the stored one is a minute old) each app password is written at most once a minute. Last use is
 * informative: when the map is full or the store fails, uses are dropped, never logins.
 * {@link #close()} writes what is pending; James calls it when it stops.
 */
public final class LastUseWriter implements AutoCloseable {
    public static final Duration FLUSH_INTERVAL = Duration.ofSeconds(5);
    /** Last use is written at most this often per app password, so a JMAP client polling does not write on every request. */
    static final Duration RESOLUTION = Duration.ofMinutes(1);
    static final int MAX_PENDING = 10_000;
    private static final Logger LOGGER = LoggerFactory.getLogger(LastUseWriter.class);

    private final AppPasswordStore store;
    private final Clock clock;
    private final Map<Use, LastUse> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "app-passwords-last-use");
        thread.setDaemon(true);
        return thread;
    });

    /** Writes on its own thread every {@link #FLUSH_INTERVAL}, until {@link #close()}. */
    public LastUseWriter(AppPasswordStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        executor.scheduleWithFixedDelay(this::flush, FLUSH_INTERVAL.toMillis(), FLUSH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Notes a use of {@code entry} now, when its stored last use is older than {@link #RESOLUTION};
     * with the protocol and client address of the login's origin (the latest use wins).
     */
    void noteUse(Username user, StoredAppPassword entry, LoginOrigin origin) {
        Instant now = clock.instant();
        boolean stale = entry.lastUsedAt().map(lastUse -> lastUse.plus(RESOLUTION).isBefore(now)).orElse(true);
        if (!stale) {
            return;
        }
        Use use = new Use(user, entry.id());
        if (pending.size() < MAX_PENDING || pending.containsKey(use)) {
            pending.merge(use, new LastUse(now, origin.protocol().flatMap(StoredAppPassword::protocolName),
                    origin.address().flatMap(StoredAppPassword::addressText)),
                (earlier, later) -> later.at.isAfter(earlier.at) ? later : earlier);
        }
    }

    /**
     * Writes every pending use; uses the store cannot take are dropped. One flush at a time: a flush
     * returns once the uses noted before it are written, even those another flush had taken, and two
     * flushes never write one app password's uses out of order.
     */
    public synchronized void flush() {
        for (Use use : pending.keySet()) {
            LastUse lastUse = pending.remove(use);
            if (lastUse == null) {
                continue;
            }
            try {
                store.recordUse(use.user, use.id, lastUse.at, lastUse.protocol, lastUse.address);
            } catch (StoreUnavailableException e) {
                LOGGER.debug("Dropped a last use: the store is unavailable", e);
            } catch (RuntimeException e) {
                LOGGER.warn("Dropped a last use", e);
            }
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }

    private static final class LastUse {
        private final Instant at;
        private final Optional<String> protocol;
        private final Optional<String> address;

        LastUse(Instant at, Optional<String> protocol, Optional<String> address) {
            this.at = at;
            this.protocol = protocol;
            this.address = address;
        }
    }

    private static final class Use {
        private final Username user;
        private final AppPasswordId id;

        Use(Username user, AppPasswordId id) {
            this.user = user;
            this.id = id;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Use && ((Use) o).user.equals(user) && ((Use) o).id.equals(id);
        }

        @Override
        public int hashCode() {
            return Objects.hash(user, id);
        }
    }
}
