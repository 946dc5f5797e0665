package org.apppasswords.throttle;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.apache.james.core.Username;

/**
 * Failed primary-path attempts, shared by every node so that a guesser gains nothing by spreading
 * attempts over them, and the addresses each account last succeeded from. Blocking; holds nothing
 * secret (a fingerprint is a keyed HMAC whose key never reaches the store). Every backend passes
 * {@code LoginFailureStoreContract}.
 *
 * <p>A failure is one row, written once: the throttle derives every count and lockout from the rows
 * it reads ({@link Throttle}), so that a refusal writes at most one small change and racing
 * attempts never conflict.
 */
public interface LoginFailureStore {
    /** What one read tells about an attempt at {@code user} from {@code address}. */
    final class History {
        private final List<LoginFailure> failures;
        private final Optional<Instant> lastSuccessFromAddress;

        public History(List<LoginFailure> failures, Optional<Instant> lastSuccessFromAddress) {
            this.failures = List.copyOf(failures);
            this.lastSuccessFromAddress = Objects.requireNonNull(lastSuccessFromAddress, "lastSuccessFromAddress");
        }

        /** The failures against the account (from every address) and from the address (against every account). */
        public List<LoginFailure> failures() {
            return failures;
        }

        /** When the account last succeeded from the address, if it did in the period read. */
        public Optional<Instant> lastSuccessFromAddress() {
            return lastSuccessFromAddress;
        }
    }

    /**
     * In one read: the failures at or after {@code since} whose account is {@code user} or whose
     * address is {@code address}, and the account's last success from that address at or after
     * {@code since}.
     */
    History read(Username user, ClientAddress address, Instant since);

    /**
     * Records {@code failure}; one already recorded for the same account, address and fingerprint
     * takes the new time instead, and counts again if it was forgiven (there is one row per value
     * and place).
     */
    void record(LoginFailure failure);

    /**
     * A success of {@code user} from {@code address}: forgives the failures of that account from that
     * address when {@code forgiveFailures} (they stay, and still count for the account and for the
     * address, see {@link LoginFailure}), and notes the time as the account's last success from it
     * when {@code noteSuccess}.
     */
    void succeeded(Username user, ClientAddress address, Instant at, boolean forgiveFailures, boolean noteSuccess);

    /** Forgets every failure against {@code user} and every success of it (the user left, or was renamed). */
    void forget(Username user);

    /**
     * Forgets the failures and successes before {@code before}.
     *
     * @return how many failures remain
     */
    long removeBefore(Instant before);
}
