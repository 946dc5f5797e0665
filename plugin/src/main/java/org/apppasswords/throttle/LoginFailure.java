package org.apppasswords.throttle;

import java.time.Instant;
import java.util.Objects;

import org.apache.james.core.Username;

/**
 * One wrong value presented on the primary path, as a {@link LoginFailureStore} keeps it: the
 * account it was tried against, the address it came from, when, and a keyed fingerprint of the
 * value ({@link FailureFingerprint}), never the value. A store keeps one per (account, address,
 * fingerprint): the same value again from the same place is the same failure. A failure is
 * <em>forgiven</em> once the account succeeded from that address: it no longer counts against the
 * account from that address, but still counts for the account and for the address.
 */
public final class LoginFailure {
    private final Username user;
    private final ClientAddress address;
    private final String fingerprint;
    private final Instant at;
    private final boolean forgiven;

    /** A failure just made: not forgiven. */
    public LoginFailure(Username user, ClientAddress address, String fingerprint, Instant at) {
        this(user, address, fingerprint, at, false);
    }

    public LoginFailure(Username user, ClientAddress address, String fingerprint, Instant at, boolean forgiven) {
        this.user = Objects.requireNonNull(user, "user");
        this.address = Objects.requireNonNull(address, "address");
        this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
        this.at = Objects.requireNonNull(at, "at");
        this.forgiven = forgiven;
    }

    /** This failure once the account succeeded from its address. */
    public LoginFailure forgiven() {
        return new LoginFailure(user, address, fingerprint, at, true);
    }

    public Username user() {
        return user;
    }

    public ClientAddress address() {
        return address;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public Instant at() {
        return at;
    }

    public boolean isForgiven() {
        return forgiven;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LoginFailure)) {
            return false;
        }
        LoginFailure that = (LoginFailure) o;
        return user.equals(that.user) && address.equals(that.address) && fingerprint.equals(that.fingerprint) && at.equals(that.at)
            && forgiven == that.forgiven;
    }

    @Override
    public int hashCode() {
        return Objects.hash(user, address, fingerprint, at, forgiven);
    }

    @Override
    public String toString() {
        return "LoginFailure[" + user.asString() + " from " + address + " at " + at + (forgiven ? ", forgiven" : "") + "]";
    }
}
