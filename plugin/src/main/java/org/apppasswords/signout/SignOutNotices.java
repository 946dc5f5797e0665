package org.apppasswords.signout;

import java.time.Instant;
import java.util.List;

import org.apache.james.core.Username;

/**
 * Where revocations leave their sign-out requests for every node sharing the store (PostgreSQL), or
 * for this node alone (memory, embedded H2), which read them every second ({@link SignOutRelay}).
 */
public interface SignOutNotices {
    void publish(Username user, OpenedWith openedWith, Instant at);

    /** The notices published at or after {@code from}, in publishing order as far as the store knows it. */
    List<SignOutNotice> since(Instant from);

    /** Forgets the notices published before {@code before}: no node reads that far back. */
    void forgetBefore(Instant before);
}
