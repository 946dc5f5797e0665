package org.apppasswords.signout;

import java.time.Instant;
import java.util.Objects;

import org.apache.james.core.Username;

/** A revocation's request to every node: end these connections of this user, logged in before {@code at} (or just after). */
public final class SignOutNotice {
    private final long sequence;
    private final Username user;
    private final OpenedWith openedWith;
    private final Instant at;

    public SignOutNotice(long sequence, Username user, OpenedWith openedWith, Instant at) {
        this.sequence = sequence;
        this.user = Objects.requireNonNull(user, "user");
        this.openedWith = Objects.requireNonNull(openedWith, "openedWith");
        this.at = Objects.requireNonNull(at, "at");
    }

    /** The store's number for it, unique among the notices every node reads. */
    public long sequence() {
        return sequence;
    }

    public Username user() {
        return user;
    }

    public OpenedWith openedWith() {
        return openedWith;
    }

    public Instant at() {
        return at;
    }
}
