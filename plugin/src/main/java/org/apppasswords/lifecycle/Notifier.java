package org.apppasswords.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.james.core.Username;
import org.apppasswords.activity.CredentialAtAddress;
import org.apppasswords.activity.KnownAddresses;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.notice.Notice;
import org.apppasswords.notice.NoticeSender;
import org.apppasswords.notice.Notices;
import org.apppasswords.notice.SecurityNotices;
import org.apppasswords.scope.ProtocolScope;
import org.apppasswords.throttle.ClientAddress;
import org.apppasswords.totp.SecondFactorStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mails the security notices, off the caller's thread: each event is timed when it happens, then
 * queued (bounded: when full, notices are dropped and logged, never the action) to one background
 * thread that hands it to the {@link NoticeSender}. A notice that cannot be delivered is logged,
 * without its content, and forgotten.
 *
 * <p>A use of an app password from an address new to it costs the login a set look-up: each node
 * asks the store ({@link KnownAddresses}, atomic across nodes) once per app password and address,
 * so exactly one notice goes out per new address (an IPv6 address counts as its /64).
 */
public final class Notifier implements SecurityNotices, AutoCloseable {
    static final int MAX_PENDING = 1_000;
    static final int MAX_REMEMBERED = 10_000;
    private static final Logger LOGGER = LoggerFactory.getLogger(Notifier.class);

    private final NoticeSender sender;
    private final SecondFactorStore secondFactors;
    private final KnownAddresses knownAddresses;
    private final Clock clock;
    private final Set<CredentialAtAddress> addressesSeen = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(MAX_PENDING), runnable -> {
            Thread thread = new Thread(runnable, "app-passwords-notices");
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.AbortPolicy());

    public Notifier(NoticeSender sender, SecondFactorStore secondFactors, KnownAddresses knownAddresses, Clock clock) {
        this.sender = sender;
        this.secondFactors = secondFactors;
        this.knownAddresses = knownAddresses;
        this.clock = clock;
    }

    @Override
    public void totpEnabled(Username user) {
        send(user, Notices.totpEnabled(clock.instant()));
    }

    @Override
    public void totpDisabled(Username user) {
        send(user, Notices.totpDisabled(clock.instant()));
    }

    @Override
    public void appPasswordCreated(Username user, String appPasswordId, String label, ProtocolScope protocols, Optional<String> address) {
        Notice notice = Notices.appPasswordCreated(label, protocols, clock.instant(), address);
        address.ifPresent(text -> {
            CredentialAtAddress seen = new CredentialAtAddress(user, appPasswordId, text);
            remember(seen);
            later(() -> knownAddresses.add(user, appPasswordId, network(text)), () -> addressesSeen.remove(seen));
        });
        send(user, notice);
    }

    @Override
    public void appPasswordRevokedByAdmin(Username user, String label) {
        send(user, Notices.appPasswordRevokedByAdmin(label, clock.instant()));
    }

    @Override
    public void appPasswordsRevokedByAdmin(Username user, int count) {
        send(user, Notices.appPasswordsRevokedByAdmin(count, clock.instant()));
    }

    @Override
    public void secondFactorResetByAdmin(Username user) {
        send(user, Notices.secondFactorReset(clock.instant()));
    }

    @Override
    public void recoveryCodeUsed(Username user, LoginOrigin origin) {
        // Read on the login's thread, right after its spend (a rare login): a later spend must not change what this one tells.
        // The store failing now must not fail the login, whose code is spent: the notice goes out without the count.
        OptionalInt left;
        try {
            left = OptionalInt.of(secondFactors.find(user).map(enrolment -> enrolment.recoveryCodeHashes().size()).orElse(0));
        } catch (RuntimeException e) {
            LOGGER.warn("Could not count the recovery codes left for a notice: {}", e.getMessage());
            left = OptionalInt.empty();
        }
        send(user, Notices.recoveryCodeUsed(left, clock.instant(), origin.address(), origin.protocol()));
    }

    @Override
    public void primaryPasswordChanged(Username user, Optional<Integer> appPasswordsRevoked) {
        send(user, Notices.primaryPasswordChanged(appPasswordsRevoked, clock.instant()));
    }

    @Override
    public void codesLocked(Username user, LoginOrigin origin) {
        send(user, Notices.codesLocked(clock.instant(), origin.address(), origin.protocol()));
    }

    @Override
    public void appPasswordUsed(Username user, String appPasswordId, String label, LoginOrigin origin) {
        if (origin.address().isEmpty()) {
            return;
        }
        String address = origin.address().get();
        CredentialAtAddress seen = new CredentialAtAddress(user, appPasswordId, address);
        if (!remember(seen)) {
            return;
        }
        Instant at = clock.instant();
        // Forgotten unless the store answered: the next use from there asks again, rather than never.
        later(() -> {
            if (knownAddresses.add(user, appPasswordId, network(address))) {
                deliver(user, Notices.newAddress(label, address, origin.protocol(), at));
            }
        }, () -> addressesSeen.remove(seen));
    }

    /**
     * What counts as one address, as the throttle counts it: an IPv6 address as its /64 (a device's
     * privacy addresses change daily within it), an IPv4-mapped one as its IPv4 address.
     */
    private static String network(String address) {
        return ClientAddress.of(new LoginOrigin(Optional.of(address), Optional.empty())).asString();
    }

    /** @return false when this node already saw that address for that app password */
    private boolean remember(CredentialAtAddress seen) {
        if (addressesSeen.size() >= MAX_REMEMBERED) {
            // Bounded: forgetting only costs one store look-up more per address.
            addressesSeen.clear();
        }
        return addressesSeen.add(seen);
    }

    private void send(Username user, Notice notice) {
        later(() -> deliver(user, notice), () -> { });
    }

    private void deliver(Username user, Notice notice) {
        try {
            sender.send(user, notice);
        } catch (Exception e) {
            LOGGER.warn("Could not send a security notice to {}: {}", user.asString(), e.getMessage());
        }
    }

    /** Queues {@code task}; when it is dropped (the queue is full) or fails (the store is down), runs {@code undone}. */
    private void later(Runnable task, Runnable undone) {
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    undone.run();
                    LOGGER.warn("A security notice failed: {}", e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            undone.run();
            LOGGER.warn("Dropped a security notice: {} are waiting to be sent", MAX_PENDING);
        }
    }

    /** Sends what is queued, for a few seconds at most. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
