package org.apppasswords.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.apache.james.core.Username;
import org.apppasswords.store.UserGenerations;
import org.junit.jupiter.api.Test;

/**
 * The Javadoc contract of {@link SelfServiceSessionStore}, run once per backend: implement
 * {@link #testee()} to return an empty store for each test, and {@link #generations()} to return
 * the generations it orders its changes by. Uses the interfaces only. Sessions are equal whatever
 * their generation; what the generations order is in {@link org.apppasswords.store.UserGenerationsContract}.
 */
public interface SelfServiceSessionStoreContract {
    Username ALICE = Username.of("alice@example.org");
    Username BOB = Username.of("bob@example.org");
    Instant CREATED = Instant.parse("2024-03-01T12:00:00Z");
    Instant EXPIRES = CREATED.plusSeconds(600);

    SelfServiceSessionStore testee();

    /** The generations {@link #testee()} checks its sessions against. */
    UserGenerations generations();

    /** Opens {@code session} with its user's generation now, as a sign-in that nothing revoked meanwhile. */
    default boolean create(SelfServiceSession session) {
        return testee().create(session.withGeneration(generations().current(session.user())));
    }

    static SelfServiceSession session(String digest, Username user) {
        return new SelfServiceSession(digest, user, CREATED, EXPIRES, true, 0);
    }

    @Test
    default void findShouldReturnTheCreatedSession() {
        SelfServiceSession session = new SelfServiceSession("digest-a", ALICE, CREATED, EXPIRES, false, 0);
        create(session);

        assertThat(testee().find("digest-a", CREATED)).contains(session);
    }

    @Test
    default void findShouldReturnEmptyForAnUnknownDigest() {
        create(session("digest-a", ALICE));

        assertThat(testee().find("digest-b", CREATED)).isEmpty();
    }

    @Test
    default void findShouldKeepTheSessionUntilJustBeforeExpiry() {
        create(session("digest-a", ALICE));

        assertThat(testee().find("digest-a", EXPIRES.minusMillis(1))).isPresent();
    }

    @Test
    default void findShouldReturnEmptyAtExpiry() {
        create(session("digest-a", ALICE));

        assertThat(testee().find("digest-a", EXPIRES)).isEmpty();
        assertThat(testee().find("digest-a", EXPIRES.plusSeconds(3600))).isEmpty();
    }

    @Test
    default void revokeShouldEndTheSession() {
        create(session("digest-a", ALICE));

        assertThat(testee().revoke("digest-a")).isTrue();
        assertThat(testee().find("digest-a", CREATED)).isEmpty();
    }

    @Test
    default void revokeShouldReturnFalseForAnUnknownDigest() {
        assertThat(testee().revoke("digest-a")).isFalse();
    }

    @Test
    default void revokeShouldKeepTheUsersOtherSessions() {
        create(session("digest-a", ALICE));
        create(session("digest-b", ALICE));

        testee().revoke("digest-a");

        assertThat(testee().find("digest-b", CREATED)).isPresent();
    }

    @Test
    default void revokeAllShouldEndEverySessionOfTheUserOnly() {
        create(session("digest-a", ALICE));
        create(session("digest-b", ALICE));
        create(session("digest-c", BOB));

        assertThat(testee().revokeAll(ALICE)).isEqualTo(2);

        assertThat(testee().find("digest-a", CREATED)).isEmpty();
        assertThat(testee().find("digest-b", CREATED)).isEmpty();
        assertThat(testee().find("digest-c", CREATED)).isPresent();
    }

    @Test
    default void revokeAllShouldReturnZeroWhenTheUserHasNoSession() {
        create(session("digest-c", BOB));

        assertThat(testee().revokeAll(ALICE)).isZero();
    }

    @Test
    default void removeExpiredShouldForgetOnlyExpiredSessions() {
        create(session("digest-a", ALICE));
        SelfServiceSession later = new SelfServiceSession("digest-b", BOB, CREATED, EXPIRES.plusSeconds(600), true, 0);
        create(later);

        assertThat(testee().removeExpired(EXPIRES)).isEqualTo(1);

        assertThat(testee().find("digest-b", EXPIRES)).contains(later);
        assertThat(testee().revoke("digest-a")).isFalse();
    }

    @Test
    default void markSecondFactorVerifiedShouldUpgradeTheSessionInPlace() {
        create(new SelfServiceSession("digest-a", ALICE, CREATED, EXPIRES, false, 0));

        assertThat(testee().markSecondFactorVerified("digest-a")).isTrue();

        assertThat(testee().find("digest-a", CREATED)).contains(new SelfServiceSession("digest-a", ALICE, CREATED, EXPIRES, true, 0));
    }

    @Test
    default void markSecondFactorVerifiedShouldNotBringBackARevokedSession() {
        create(new SelfServiceSession("digest-a", ALICE, CREATED, EXPIRES, false, 0));
        testee().revokeAll(ALICE);

        assertThat(testee().markSecondFactorVerified("digest-a")).isFalse();
        assertThat(testee().find("digest-a", CREATED)).isEmpty();
    }
}
