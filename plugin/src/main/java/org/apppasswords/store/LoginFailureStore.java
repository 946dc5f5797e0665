package org.apppasswords.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
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
 * the loser reads again and retries. One attempt's changes share one transaction ({@link #apply}).
 */
public interface LoginFailureStore {
    /** Every record of each of {@code users}, by user then scope; a user without records is absent. One read. */
    Map<Username, Map<String, LoginFailures>> findAll(Collection<Username> users);

    /** Every record of {@code user}, by scope; an empty map when there is none. One read. */
    default Map<String, LoginFailures> find(Username user) {
        return findAll(List.of(user)).getOrDefault(user, Map.of());
    }

    /**
     * Applies {@code changes} in order, all or nothing, in one transaction: a replacement compares
     * against the record as the changes before it left it, so that one record can be changed twice.
     *
     * @return false, changing nothing, when a replacement found another version than it expected
     *     (another login changed the record first)
     */
    boolean apply(List<LoginFailureChange> changes);

    /** {@link #apply} of the one replacement {@link LoginFailureChange#replace}. */
    default boolean replace(Username user, String scope, Optional<LoginFailures> expected, LoginFailures updated) {
        return apply(List.of(LoginFailureChange.replace(user, scope, expected, updated)));
    }

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
