package org.apppasswords.signout;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.james.core.Username;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists a user's live connections on every node. Every second this instance publishes, to the
 * {@link ConnectionDirectory}, that it is alive and the connections of the users whose connections
 * changed (all of them again when the directory had forgotten it). A list reads this node's own
 * connections as they are and the others' as their instances last published them (a second or
 * two old). An instance silent for {@link #ALIVE} is not listed (it crashed or lost the store);
 * one silent for {@link #FORGOTTEN} is deleted. What the store did not take is published at the
 * next publication that succeeds.
 */
public final class DirectoryPublisher implements AutoCloseable {
    static final Duration INTERVAL = Duration.ofSeconds(1);
    static final Duration ALIVE = Duration.ofSeconds(30);
    static final Duration FORGOTTEN = Duration.ofMinutes(10);
    private static final Logger LOGGER = LoggerFactory.getLogger(DirectoryPublisher.class);

    private final ConnectionDirectory directory;
    private final SignedInConnections local;
    private final Clock clock;
    private final String node = localHostName();
    // Per run, so that what a crashed run published is never taken for this one's.
    private final String instance = UUID.randomUUID().toString();
    private final Set<Username> unpublished = new HashSet<>();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "app-passwords-connection-directory");
        thread.setDaemon(true);
        return thread;
    });
    private Instant pruned;
    private boolean unreachable;

    public DirectoryPublisher(ConnectionDirectory directory, SignedInConnections local, Clock clock) {
        this.directory = directory;
        this.local = local;
        this.clock = clock;
        this.pruned = clock.instant();
    }

    /** Publishes every {@link #INTERVAL} on its own thread, until {@link #close()}. */
    public void start() {
        executor.scheduleWithFixedDelay(this::publish, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The live connections of {@code user} on every node, oldest first. */
    public List<ListedConnection> of(Username user) {
        List<ListedConnection> listed = new ArrayList<>(directory.of(user, clock.instant().minus(ALIVE), instance));
        local.of(user).forEach(connection -> listed.add(new ListedConnection(node, connection)));
        listed.sort(Comparator.comparing(entry -> entry.connection().since()));
        return listed;
    }

    /** How many live connections each of {@code user}'s app passwords holds on every node, by public id. */
    public Map<String, Long> perAppPassword(Username user) {
        return of(user).stream()
            .flatMap(listed -> listed.connection().appPasswordId().stream())
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    synchronized void publish() {
        Instant now = clock.instant();
        unpublished.addAll(local.takeChanged());
        try {
            if (!directory.alive(instance, now)) {
                unpublished.addAll(local.users());
            }
            for (Iterator<Username> users = unpublished.iterator(); users.hasNext(); ) {
                Username user = users.next();
                directory.publish(instance, node, user, local.of(user));
                users.remove();
            }
            if (pruned.plus(FORGOTTEN).isBefore(now)) {
                directory.forgetSilentSince(now.minus(FORGOTTEN));
                pruned = now;
            }
            unreachable = false;
        } catch (RuntimeException e) {
            if (!unreachable) {
                LOGGER.warn("This node's live connections cannot be published: the other nodes do not list them until they can");
            }
            unreachable = true;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            // A publication under way would publish again what is forgotten below.
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            directory.forget(instance);
        } catch (RuntimeException e) {
            LOGGER.warn("This node's live connections could not be unpublished: the other nodes stop listing them within {}", ALIVE);
        }
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
