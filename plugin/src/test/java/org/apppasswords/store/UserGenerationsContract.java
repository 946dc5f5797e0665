package org.apppasswords.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPasswordStore.AddOutcome;
import org.apppasswords.totp.PendingTotpEnrolment;
import org.apppasswords.totp.SecondFactorStore.EnableOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract of {@link UserGenerations} over the three stores that share it, run once per
 * backend: implement the accessors of {@link RevocationRaceContract} (inherited, with its races) to
 * return empty stores of one backend and their generations. Every revocation moves the user's
 * generation on, creations do not; a creation made with a generation read before a revocation
 * stores nothing, whichever store either was; users do not touch each other's generations.
 */
public interface UserGenerationsContract extends RevocationRaceContract {
    /** Every revocation of ALICE's secrets, BOB being the other name of a rename. */
    enum Revocation {
        REVOKE_ALL_APP_PASSWORDS((stores, user, other) -> stores.appPasswords().revokeAll(user)),
        END_ALL_SESSIONS((stores, user, other) -> stores.sessions().revokeAll(user)),
        DISABLE_SECOND_FACTOR((stores, user, other) -> stores.secondFactors().disable(user)),
        MOVE_APP_PASSWORDS_AWAY((stores, user, other) -> stores.appPasswords().moveAll(user, other)),
        MOVE_APP_PASSWORDS_IN((stores, user, other) -> stores.appPasswords().moveAll(other, user)),
        COPY_SECOND_FACTOR_AWAY((stores, user, other) -> stores.secondFactors().copyTo(user, other)),
        COPY_SECOND_FACTOR_IN((stores, user, other) -> stores.secondFactors().copyTo(other, user));

        private final Action action;

        Revocation(Action action) {
            this.action = action;
        }

        void of(UserGenerationsContract stores, Username user) {
            action.run(stores, user, BOB);
        }

        @FunctionalInterface
        interface Action {
            void run(UserGenerationsContract stores, Username user, Username other);
        }
    }

    /** Stores an app password, a session and an enabled second factor for {@code user}, each with the generation now. */
    default void storeEverything(Username user, String suffix) {
        assertThat(appPasswords().add(user, appPassword(1, 0), UNLIMITED, generations().current(user))).isEqualTo(AddOutcome.ADDED);
        assertThat(sessions().create(session("session-" + suffix, user, generations().current(user)))).isTrue();
        assertThat(secondFactors().enable(user, enrolment(CREATED), generations().current(user))).isEqualTo(EnableOutcome.ENABLED);
    }

    @Test
    default void aUserNeverTouchedShouldBeAtGenerationZero() {
        assertThat(generations().current(ALICE)).isZero();
    }

    @Test
    default void creationsShouldNotMoveTheGenerationOn() {
        storeEverything(ALICE, "alice");
        secondFactors().startEnrolment(BOB, new PendingTotpEnrolment(SECRET, CREATED));
        sessions().markSecondFactorVerified("session-alice");

        assertThat(generations().current(ALICE)).isZero();
        assertThat(generations().current(BOB)).isZero();
    }

    @ParameterizedTest
    @EnumSource(Revocation.class)
    default void everyRevocationShouldMoveTheGenerationOn(Revocation revocation) {
        storeEverything(ALICE, "alice");
        storeEverything(BOB, "bob");

        revocation.of(this, ALICE);

        assertThat(generations().current(ALICE)).isPositive();
    }

    @ParameterizedTest
    @EnumSource(Revocation.class)
    default void everyRevocationShouldMoveTheGenerationOnEvenWhenItEndsNothing(Revocation revocation) {
        revocation.of(this, ALICE);
        long once = generations().current(ALICE);

        revocation.of(this, ALICE);

        assertThat(once).isPositive();
        assertThat(generations().current(ALICE)).isGreaterThan(once);
    }

    @ParameterizedTest
    @EnumSource(Revocation.class)
    default void aRevocationShouldLeaveAnotherUsersGenerationAndCreations(Revocation revocation) {
        long carols = generations().current(CAROL);

        revocation.of(this, ALICE);

        assertThat(generations().current(CAROL)).isEqualTo(carols);
        assertThat(appPasswords().add(CAROL, appPassword(1, carols), UNLIMITED, carols)).isEqualTo(AddOutcome.ADDED);
        assertThat(sessions().create(session("carols", CAROL, carols))).isTrue();
        assertThat(secondFactors().enable(CAROL, enrolment(CREATED), carols)).isEqualTo(EnableOutcome.ENABLED);
    }

    @ParameterizedTest
    @EnumSource(Revocation.class)
    default void anAppPasswordAuthorisedBeforeARevocationShouldBeSuperseded(Revocation revocation) {
        long readBeforeTheChecks = generations().current(ALICE);
        revocation.of(this, ALICE);

        assertThat(appPasswords().add(ALICE, appPassword(1, readBeforeTheChecks), UNLIMITED, readBeforeTheChecks))
            .isEqualTo(AddOutcome.SUPERSEDED);

        assertThat(appPasswords().list(ALICE)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Revocation.class)
    default void aSessionAuthorisedBeforeARevocationShouldNotOpen(Revocation revocation) {
        long readBeforeTheChecks = generations().current(ALICE);
        revocation.of(this, ALICE);

        assertThat(sessions().create(session("late", ALICE, readBeforeTheChecks))).isFalse();

        assertThat(sessions().find("late", CREATED)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Revocation.class)
    default void aSecondFactorAuthorisedBeforeARevocationShouldNotBeEnabled(Revocation revocation) {
        long readBeforeTheChecks = generations().current(ALICE);
        revocation.of(this, ALICE);

        assertThat(secondFactors().enable(ALICE, enrolment(CREATED), readBeforeTheChecks)).isEqualTo(EnableOutcome.SUPERSEDED);

        assertThat(secondFactors().find(ALICE)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Revocation.class)
    default void creationsWithTheGenerationReadAfterARevocationShouldSucceed(Revocation revocation) {
        revocation.of(this, ALICE);
        long readAfter = generations().current(ALICE);

        assertThat(appPasswords().add(ALICE, appPassword(1, readAfter), UNLIMITED, readAfter)).isEqualTo(AddOutcome.ADDED);
        assertThat(sessions().create(session("fresh", ALICE, readAfter))).isTrue();
        assertThat(secondFactors().enable(ALICE, enrolment(CREATED), readAfter)).isEqualTo(EnableOutcome.ENABLED);
    }

    @Test
    default void aStaleAddShouldBeSupersededRatherThanOverTheLimitOrATakenId() {
        long readBeforeTheChecks = generations().current(ALICE);
        appPasswords().add(ALICE, appPassword(1, readBeforeTheChecks), 1, readBeforeTheChecks);
        sessions().revokeAll(ALICE);

        assertThat(appPasswords().add(ALICE, appPassword(2, readBeforeTheChecks), 1, readBeforeTheChecks)).isEqualTo(AddOutcome.SUPERSEDED);
        assertThat(appPasswords().add(ALICE, appPassword(1, readBeforeTheChecks), UNLIMITED, readBeforeTheChecks))
            .isEqualTo(AddOutcome.SUPERSEDED);
    }

    @Test
    default void aSupersededEnableShouldChangeNothing() {
        secondFactors().startEnrolment(ALICE, new PendingTotpEnrolment(SECRET, CREATED));
        long readBeforeTheChecks = generations().current(ALICE);
        sessions().revokeAll(ALICE);

        assertThat(secondFactors().enable(ALICE, enrolment(CREATED), readBeforeTheChecks)).isEqualTo(EnableOutcome.SUPERSEDED);

        assertThat(secondFactors().findPendingEnrolment(ALICE)).isPresent();
        assertThat(secondFactors().find(ALICE)).isEmpty();
    }

    @Test
    default void findShouldCarryTheUsersGenerationNowNotTheOneTheSessionOpenedWith() {
        sessions().create(session("alice", ALICE, generations().current(ALICE)));
        appPasswords().revokeAll(ALICE);
        secondFactors().disable(ALICE);

        assertThat(sessions().find("alice", CREATED)).hasValueSatisfying(found ->
            assertThat(found.generation()).isEqualTo(generations().current(ALICE)).isPositive());
    }

    @Test
    default void findShouldCarryZeroForAUserNeverRevokedWhateverOthersDid() {
        sessions().create(session("alice", ALICE, 0));
        appPasswords().revokeAll(BOB);
        appPasswords().moveAll(CAROL, BOB);

        assertThat(sessions().find("alice", CREATED)).hasValueSatisfying(found -> assertThat(found.generation()).isZero());
    }
}
