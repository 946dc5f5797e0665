package org.apppasswords.throttle;

import java.time.Instant;
import java.util.Objects;

import org.apache.james.core.Username;

/**
 * One wrong value presented on the primary path, as a {@link LoginFailureStore} keeps it: the
 * account it was tried against, the address it came from, when, and a keyed fingerprint of the
 * value ({@link FailureFingerprint}), never the value. A store keeps one per (account, address,
 * fingerprint): the same value again from the same place is the same failure.
 */
public final class LoginFailure {
    private final Username user;
    private final ClientAddress address;
    private final String fingerprint;
    private final Instant at;

    public LoginFailure(Username user, ClientAddress address, String fingerprint, Instant at) {
        this.user = Objects.requireNonNull(user, "user");
        this.address = Objects.requireNonNull(address, "address");
        this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
        this.at = Objects.requireNonNull(at, "at");
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

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LoginFailure)) {
            return false;
        }
        LoginFailure that = (LoginFailure) o;
        return user.equals(that.user) && address.equals(that.address) && fingerprint.equals(that.fingerprint) && at.equals(that.at);
    }

    @Override
    public int hashCode() {
        return Objects.hash(user, address, fingerprint, at);
    }

    @Override
    public String toString() {
        return "LoginFailure[" + user.asString() + " from " + address + " at " + at + "]";
    }
}
