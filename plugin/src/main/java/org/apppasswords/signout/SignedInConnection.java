package org.apppasswords.signout;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.apache.james.core.Username;

/** One live connection, as its login left it: who, from where, since when (its check started), and with what (nothing secret). */
public final class SignedInConnection {
    private final Username user;
    private final String protocol;
    private final Optional<String> address;
    private final Instant since;
    private final Optional<String> appPasswordId;

    public SignedInConnection(Username user, String protocol, Optional<String> address, Instant since, Optional<String> appPasswordId) {
        this.user = Objects.requireNonNull(user, "user");
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.address = Objects.requireNonNull(address, "address");
        this.since = Objects.requireNonNull(since, "since");
        this.appPasswordId = Objects.requireNonNull(appPasswordId, "appPasswordId");
    }

    public Username user() {
        return user;
    }

    public String protocol() {
        return protocol;
    }

    public Optional<String> address() {
        return address;
    }

    public Instant since() {
        return since;
    }

    /** The public id of the app password that logged it in; empty for the primary password. */
    public Optional<String> appPasswordId() {
        return appPasswordId;
    }
}
