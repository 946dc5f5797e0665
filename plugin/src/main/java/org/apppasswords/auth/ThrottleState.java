package org.apppasswords.auth;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.james.core.Username;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.lifecycle.UserSecrets;
import org.apppasswords.store.LoginFailures;

/**
 * What one read of the failure counters said about one attempt, before its secret is checked:
 * whether the primary path is locked for this (account, address) or for the whole account, and
 * whether the TOTP path is locked. The attempt then reports its outcome to {@link LoginThrottle}
 * with this state, so that a success or a failure costs no second read.
 */
final class ThrottleState {
    static final String ACCOUNT = "account";
    static final String SECOND_FACTOR = UserSecrets.SECOND_FACTOR_FAILURES;
    static final String ADDRESS_PREFIX = "address:";
    static final String UNKNOWN_ADDRESS = ADDRESS_PREFIX + "-";
    private static final int MAX_ADDRESS_LENGTH = 100;

    final Username user;
    final LoginOrigin origin;
    final String addressScope;
    final Map<String, LoginFailures> records;
    final Instant now;

    ThrottleState(Username user, LoginOrigin origin, Map<String, LoginFailures> records, Instant now) {
        this.user = user;
        this.origin = origin;
        this.addressScope = addressScope(origin);
        this.records = records;
        this.now = now;
    }

    /**
     * An address James gave is a scope of its own; attempts without one share {@code address:-}, so
     * that they can lock out only the attempts that carry no address.
     */
    static String addressScope(LoginOrigin origin) {
        return origin.address()
            .map(address -> address.length() > MAX_ADDRESS_LENGTH ? address.substring(0, MAX_ADDRESS_LENGTH) : address)
            .map(address -> ADDRESS_PREFIX + address.replace(',', '_'))
            .orElse(UNKNOWN_ADDRESS);
    }

    /** The primary path is refused: this address is locked for this account, or the whole account is. */
    boolean primaryLocked() {
        return lockedUntil().isPresent();
    }

    /** The TOTP code path is locked (a recovery code still works). */
    boolean secondFactorLocked() {
        return record(SECOND_FACTOR).map(failures -> failures.isLockedAt(now)).orElse(false);
    }

    /** When the later of the address and account lockouts ends; empty when the primary path is open. */
    Optional<Instant> lockedUntil() {
        return Stream.of(addressScope, ACCOUNT)
            .map(this::record)
            .flatMap(Optional::stream)
            .filter(failures -> failures.isLockedAt(now))
            .map(failures -> failures.lockedUntil().orElseThrow())
            .max(Instant::compareTo);
    }

    boolean hasRecords() {
        return !records.isEmpty();
    }

    Optional<LoginFailures> record(String scope) {
        return Optional.ofNullable(records.get(scope));
    }
}
