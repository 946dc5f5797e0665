package org.apppasswords.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPasswordId;
import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.apppassword.IdleExpiry;
import org.apppasswords.apppassword.StoredAppPassword;
import org.apppasswords.signout.LocalConnections;
import org.apppasswords.signout.OpenedWith;
import org.apppasswords.signout.SignedInConnection;
import org.apppasswords.signout.SignedInConnections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code appPasswords.idleExpiry} on, an app password that expires ends the connections it
 * holds open on this node, as a revocation would: each node looks, every {@link #INTERVAL}, at the
 * app passwords of its own connections, reading one from the store only once it may have expired
 * (when its last activity plus the limit has passed), or has gone (a revocation whose notice this
 * node missed). A store that does not answer is asked again at the next look.
 */
public final class IdleExpirySignOut implements AutoCloseable {
    static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Logger LOGGER = LoggerFactory.getLogger(IdleExpirySignOut.class);

    private final AppPasswordStore store;
    private final IdleExpiry idleExpiry;
    private final SignedInConnections signedIn;
    private final LocalConnections local;
    private final Clock clock;
    // By app password, as "user id": when to read it again.
    private final Map<OpenedBy, Instant> lookAgainAt = new HashMap<>();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "app-passwords-idle-expiry");
        thread.setDaemon(true);
        return thread;
    });

    public IdleExpirySignOut(AppPasswordStore store, IdleExpiry idleExpiry, SignedInConnections signedIn, LocalConnections local, Clock clock) {
        this.store = store;
        this.idleExpiry = idleExpiry;
        this.signedIn = signedIn;
        this.local = local;
        this.clock = clock;
    }

    /** Looks every {@link #INTERVAL} on its own thread when expiry is on, until {@link #close()}. */
    public void start() {
        if (idleExpiry.isOn()) {
            executor.scheduleWithFixedDelay(this::look, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    synchronized void look() {
        Instant now = clock.instant();
        Set<OpenedBy> open = signedIn.all().stream()
            .flatMap(connection -> OpenedBy.of(connection).stream())
            .collect(Collectors.toSet());
        lookAgainAt.keySet().retainAll(open);
        for (OpenedBy appPassword : open) {
            if (!lookAgainAt.getOrDefault(appPassword, Instant.MIN).isAfter(now)) {
                try {
                    Optional<StoredAppPassword> entry = store.find(appPassword.user, appPassword.id);
                    Optional<Instant> expiresAt = entry.flatMap(idleExpiry::expiresAt).filter(at -> at.isAfter(now));
                    if (expiresAt.isPresent()) {
                        lookAgainAt.put(appPassword, expiresAt.get());
                    } else {
                        local.end(appPassword.user, OpenedWith.appPassword(appPassword.id.asString()), now);
                        lookAgainAt.remove(appPassword);
                    }
                } catch (RuntimeException e) {
                    LOGGER.debug("Idle expiry: an app password could not be read, looked at again next time");
                }
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** An app password that opened a connection of this node. */
    private static final class OpenedBy {
        final Username user;
        final AppPasswordId id;

        private OpenedBy(Username user, AppPasswordId id) {
            this.user = user;
            this.id = id;
        }

        static Optional<OpenedBy> of(SignedInConnection connection) {
            return connection.appPasswordId().flatMap(AppPasswordId::parse).map(id -> new OpenedBy(connection.user(), id));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof OpenedBy && ((OpenedBy) other).user.equals(user) && ((OpenedBy) other).id.equals(id);
        }

        @Override
        public int hashCode() {
            return user.hashCode() * 31 + id.hashCode();
        }
    }
}
