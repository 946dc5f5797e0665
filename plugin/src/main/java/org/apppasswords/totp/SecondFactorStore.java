package org.apppasswords.totp;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

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
    /** What {@link #enable} did. */
    enum EnableOutcome {
        ENABLED,
        /** Nothing changed: TOTP was already enabled. */
        ALREADY_ENABLED,
        /** Nothing changed: the user's secrets were revoked since {@code generation} was read. */
        SUPERSEDED
    }

    /** The user's enabled enrolment, or empty when TOTP is off. */
    Optional<TotpEnrolment> find(Username user);

    /**
     * Enables TOTP for the user unless the user's generation is no longer {@code generation} (read
     * before the checks that authorised it, see {@link org.apppasswords.store.UserGenerations}) or
     * TOTP is already enabled, in one atomic step, and drops any pending enrolment.
     */
    EnableOutcome enable(Username user, TotpEnrolment enrolment, long generation);

    /**
     * Turns TOTP off: removes the enrolment, its recovery codes and any pending enrolment, and moves
     * the user's generation on.
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
     * Copies the enrolment of {@code from} (with its last step, recovery codes, wrong codes counted
     * and spent codes) to {@code to} (a username change), unless {@code to} already has TOTP
     * enabled: then {@code to} keeps its own. {@code from} keeps its enrolment: James 3.8.1's rename keeps the old
     * user, whose bare password must stay as refused as before. A pending enrolment of {@code from}
     * is dropped (a rename ends the sessions that could confirm it). Moves both generations on.
     *
     * @return true when an enrolment was copied
     */
    boolean copyTo(Username from, Username to);

    /**
     * Spends an accepted code: records {@code step} as the last accepted time step and
     * {@code spentCodes} (the fingerprints of the last spent codes, this one included) and forgets
     * the wrong codes counted, in one atomic
     * step, only if {@code step} is strictly later than the one recorded (RFC 6238 section 5.2) and
     * fewer than {@code maxFailedCodes} wrong codes are counted (the codes are not locked).
     *
     * @return false when TOTP is off, the step is not later (a replay or a racing login) or the codes are locked
     */
    boolean spendCode(Username user, long step, List<String> spentCodes, int maxFailedCodes);

    /**
     * Counts one wrong code and spends it ({@code codeFingerprint} joins the spent codes), in one
     * atomic step, unless it is spent already or {@code maxFailedCodes} are counted already.
     *
     * @return the wrong codes now counted, when this one was; empty when it was not (or TOTP is off)
     */
    OptionalInt countWrongCode(Username user, String codeFingerprint, int maxFailedCodes);

    /**
     * Removes one unused recovery code, identified by its stored hash, spends it
     * ({@code codeFingerprint} joins the spent codes) and forgets the wrong codes counted (a
     * recovery code proves the second factor), in one atomic step.
     *
     * @return true when it was still there, false when already used or TOTP is off
     */
    boolean consumeRecoveryCode(Username user, String encodedHash, String codeFingerprint);

    /** Forgets the wrong codes counted (a primary password changed through James ends a lock of the codes). */
    void forgetWrongCodes(Username user);
}
