package org.apppasswords.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.apache.james.core.Username;

/**
 * Failed primary-path logins, counted per account and scope and shared by every node, so that a
 * guesser cannot multiply their attempts by the number of nodes. A scope is a short string chosen
 * by the throttle, for example {@code address:203.0.113.7}, {@code account} or
 * {@code second-factor}. Blocking. Every backend passes {@code LoginFailureStoreContract}.
 *
 * <p>Holds nothing secret: a record counts failures and keeps keyed fingerprints of wrong values
 * (see {@link LoginFailures}), never a value, nor a plain hash of one. Updates are compare-and-set
 * on {@link LoginFailures#version()}, so that logins racing on several nodes lose no count silently:
 * the loser reads again and retries.
 */
public interface LoginFailureStore {
    /** Every record of {@code user}, by scope; an empty map when there is none. One read. */
    Map<String, LoginFailures> find(Username user);

    /**
     * Writes {@code updated} for ({@code user}, {@code scope}) only if the stored record is still
     * {@code expected}: absent when {@code expected} is empty, or of the same version.
     *
     * @return false, changing nothing, when another login changed the record first
     */
    boolean replace(Username user, String scope, Optional<LoginFailures> expected, LoginFailures updated);

    /** Forgets the records of {@code user} in {@code scopes} (a success, an admin reset). */
    void clear(Username user, String... scopes);

    /** Forgets every record of {@code user} (the user left James). */
    void clearAll(Username user);

    /**
     * Forgets the records of every user whose scope is exactly {@code scope}, or starts with it when
     * it ends with {@code :}, whose last failure is before {@code idleSince} and whose lockout, if
     * any, ended before {@code now}: so that names and addresses tried once do not pile up.
     *
     * @return how many were forgotten
     */
    int removeIdle(String scope, Instant idleSince, Instant now);
}
