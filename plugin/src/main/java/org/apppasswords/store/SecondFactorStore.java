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

    /**
     * Enables TOTP for the user unless it is already enabled, in one atomic step, and drops any
     * pending enrolment.
     *
     * @return false when TOTP was already enabled (nothing changed)
     */
    boolean enable(Username user, TotpEnrolment enrolment);

    /**
     * Turns TOTP off: removes the enrolment, its recovery codes and any pending enrolment.
     *
     * @return false when TOTP was not enabled
     */
    boolean disable(Username user);

    /**
     * Records a started but unconfirmed enrolment, replacing any earlier pending one. It changes
     * nothing about logins; {@link #enable} or {@link #disable} drops it.
     */
    void startEnrolment(Username user, PendingTotpEnrolment pending);

    /** The user's pending enrolment, or empty. */
    Optional<PendingTotpEnrolment> findPendingEnrolment(Username user);

    /**
     * Moves the enrolment of {@code from} (with its last step and recovery codes) to {@code to}
     * (a username change), unless {@code to} already has TOTP enabled: then {@code to} keeps its
     * own and {@code from}'s is dropped. A pending enrolment of {@code from} is dropped (a rename
     * ends the sessions that could confirm it). Afterwards {@code from} has TOTP off.
     *
     * @return true when an enrolment was moved
     */
    boolean moveTo(Username from, Username to);

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
