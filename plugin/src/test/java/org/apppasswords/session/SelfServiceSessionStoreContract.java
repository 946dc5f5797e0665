package org.apppasswords.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.apache.james.core.Username;
import org.junit.jupiter.api.Test;

/**
 * The Javadoc contract of {@link SelfServiceSessionStore}, run once per backend: implement
 * {@link #testee()} to return an empty store for each test. Uses the interface only.
 */
public interface SelfServiceSessionStoreContract {
    Username ALICE = Username.of("alice@example.org");
    Username BOB = Username.of("bob@example.org");
    Instant CREATED = Instant.parse("2024-03-01T12:00:00Z");
    Instant EXPIRES = CREATED.plusSeconds(600);

    SelfServiceSessionStore testee();

    static SelfServiceSession session(String digest, Username user) {
        return new SelfServiceSession(digest, user, CREATED, EXPIRES, true);
    }

    @Test
    default void findShouldReturnTheCreatedSession() {
        SelfServiceSession session = new SelfServiceSession("digest-a", ALICE, CREATED, EXPIRES, false);
        testee().create(session);

        assertThat(testee().find("digest-a", CREATED)).contains(session);
    }

    @Test
    default void findShouldReturnEmptyForAnUnknownDigest() {
        testee().create(session("digest-a", ALICE));

        assertThat(testee().find("digest-b", CREATED)).isEmpty();
    }

    @Test
    default void findShouldKeepTheSessionUntilJustBeforeExpiry() {
        testee().create(session("digest-a", ALICE));

        assertThat(testee().find("digest-a", EXPIRES.minusMillis(1))).isPresent();
    }

    @Test
    default void findShouldReturnEmptyAtExpiry() {
        testee().create(session("digest-a", ALICE));

        assertThat(testee().find("digest-a", EXPIRES)).isEmpty();
        assertThat(testee().find("digest-a", EXPIRES.plusSeconds(3600))).isEmpty();
    }

    @Test
    default void revokeShouldEndTheSession() {
        testee().create(session("digest-a", ALICE));

        assertThat(testee().revoke("digest-a")).isTrue();
        assertThat(testee().find("digest-a", CREATED)).isEmpty();
    }

    @Test
    default void revokeShouldReturnFalseForAnUnknownDigest() {
        assertThat(testee().revoke("digest-a")).isFalse();
    }

    @Test
    default void revokeShouldKeepTheUsersOtherSessions() {
        testee().create(session("digest-a", ALICE));
        testee().create(session("digest-b", ALICE));

        testee().revoke("digest-a");

        assertThat(testee().find("digest-b", CREATED)).isPresent();
    }

    @Test
    default void revokeAllShouldEndEverySessionOfTheUserOnly() {
        testee().create(session("digest-a", ALICE));
        testee().create(session("digest-b", ALICE));
        testee().create(session("digest-c", BOB));

        assertThat(testee().revokeAll(ALICE)).isEqualTo(2);

        assertThat(testee().find("digest-a", CREATED)).isEmpty();
        assertThat(testee().find("digest-b", CREATED)).isEmpty();
        assertThat(testee().find("digest-c", CREATED)).isPresent();
    }

    @Test
    default void revokeAllShouldReturnZeroWhenTheUserHasNoSession() {
        testee().create(session("digest-c", BOB));

        assertThat(testee().revokeAll(ALICE)).isZero();
    }

    @Test
    default void removeExpiredShouldForgetOnlyExpiredSessions() {
        testee().create(session("digest-a", ALICE));
        SelfServiceSession later = new SelfServiceSession("digest-b", BOB, CREATED, EXPIRES.plusSeconds(600), true);
        testee().create(later);

        assertThat(testee().removeExpired(EXPIRES)).isEqualTo(1);

        assertThat(testee().find("digest-b", EXPIRES)).contains(later);
        assertThat(testee().revoke("digest-a")).isFalse();
    }

    @Test
    default void markSecondFactorVerifiedShouldUpgradeTheSessionInPlace() {
        testee().create(new SelfServiceSession("digest-a", ALICE, CREATED, EXPIRES, false));

        assertThat(testee().markSecondFactorVerified("digest-a")).isTrue();

        assertThat(testee().find("digest-a", CREATED)).contains(new SelfServiceSession("digest-a", ALICE, CREATED, EXPIRES, true));
    }

    @Test
    default void markSecondFactorVerifiedShouldNotBringBackARevokedSession() {
        testee().create(new SelfServiceSession("digest-a", ALICE, CREATED, EXPIRES, false));
        testee().revokeAll(ALICE);

        assertThat(testee().markSecondFactorVerified("digest-a")).isFalse();
        assertThat(testee().find("digest-a", CREATED)).isEmpty();
    }
}
