package org.apppasswords.store;

import java.util.Optional;

import org.apache.james.core.Username;

/**
 * Where a user's TOTP enrolment lives. Blocking. Every backend passes
 * {@code SecondFactorStoreContract}.
 *
 * <p>The two consuming operations are atomic compare-and-set steps, because several logins (on
 * several nodes, later) may race with the same code: RFC 6238 section 5.2 asks that a code be
 * accepted once.
 */
public interface SecondFactorStore {
    /** The user's enabled enrolment, or empty when TOTP is off. */
    Optional<TotpEnrolment> find(Username user);

    /** Enables TOTP for the user, replacing any previous enrolment. */
    void enable(Username user, TotpEnrolment enrolment);

    /** @return false when TOTP was not enabled */
    boolean disable(Username user);

    /**
     * Records {@code step} as the last accepted time step, only if it is strictly later than the
     * one recorded.
     *
     * @return true when recorded, false when TOTP is off or the step is not later (a replay)
     */
    boolean advanceLastUsedStep(Username user, long step);

    /**
     * Removes one unused recovery code, identified by its stored hash.
     *
     * @return true when it was still there, false when already used or TOTP is off
     */
    boolean consumeRecoveryCode(Username user, String encodedHash);
}
