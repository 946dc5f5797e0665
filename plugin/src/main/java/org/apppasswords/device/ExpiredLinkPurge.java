package org.apppasswords.device;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the profile links that expired unopened, every {@link #INTERVAL} on each node: what a link
 * keeps (its app password, encrypted) must not outlive its five minutes by more than that, even
 * when no other link is issued or opened.
 */
public final class ExpiredLinkPurge implements AutoCloseable {
    public static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final Logger LOGGER = LoggerFactory.getLogger(ExpiredLinkPurge.class);

    private final ProfileLinkStore store;
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "app-passwords-profile-links");
        thread.setDaemon(true);
        return thread;
    });

    public ExpiredLinkPurge(ProfileLinkStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public void start() {
        executor.scheduleWithFixedDelay(this::purge, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Deletes what expired; a store that fails is tried again at the next interval. */
    public void purge() {
        try {
            store.removeExpired(clock.instant());
        } catch (RuntimeException e) {
            LOGGER.warn("Could not delete the expired profile links: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
