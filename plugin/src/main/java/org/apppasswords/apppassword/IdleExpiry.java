package org.apppasswords.apppassword;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.inject.Inject;

import org.apppasswords.apppassword.StoredAppPassword;
import org.apppasswords.configuration.AppPasswordsConfiguration;

/**
 * {@code appPasswords.idleExpiry}: an app password unused for that long (since its last use, or
 * since its creation when never used) no longer logs in, and the lists show it as expired. It is
 * not deleted: the admin and the user still see it and revoke it. Off by default.
 *
 * <p>Last uses are written at most once a minute per app password (see {@code LastUseWriter}), so
 * an app password in steady use may look up to about a minute idler than it is: set the expiry
 * well above a minute (days or weeks in practice).
 */
public final class IdleExpiry {
    private final Optional<Duration> idleLimit;
    private final Clock clock;

    @Inject
    public IdleExpiry(AppPasswordsConfiguration configuration, Clock clock) {
        this.idleLimit = configuration.appPasswordIdleExpiry();
        this.clock = clock;
    }

    /** When {@code entry} expires unless used meanwhile; empty when expiry is off. */
    public Optional<Instant> expiresAt(StoredAppPassword entry) {
        return idleLimit.map(limit -> entry.lastActivity().plus(limit));
    }

    /** Whether expiry is on. */
    public boolean isOn() {
        return idleLimit.isPresent();
    }

    /** True when expiry is on and {@code entry} was last active (used, else created) at least the limit ago. */
    public boolean isExpired(StoredAppPassword entry) {
        return idleLimit
            .map(limit -> !entry.lastActivity().plus(limit).isAfter(clock.instant()))
            .orElse(false);
    }
}
