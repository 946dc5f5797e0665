package org.apppasswords.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.apppassword.AppPasswordGenerator;
import org.apppasswords.hashing.RandomToken;
import org.apppasswords.testing.Concurrently;
import org.junit.jupiter.api.Test;

/**
 * The Javadoc contract of {@link ProfileLinkStore}, run once per backend: implement
 * {@link #testee()} to return an empty store for each test. Uses the interface only.
 */
public interface ProfileLinkStoreContract {
    Username ALICE = Username.of("alice@example.org");
    Username BOB = Username.of("bob@example.org");
    Instant NOW = Instant.parse("2024-03-01T12:00:00Z");
    Instant EXPIRES = NOW.plus(ProfileLinks.LIFETIME);

    ProfileLinkStore testee();

    static AppPassword newPassword() {
        return new AppPasswordGenerator(new SecureRandom()).generate();
    }

    static PendingProfile profile(Username user, AppPassword password) {
        return new PendingProfile(RandomToken.generate(new SecureRandom()).digest(), user, password, EXPIRES);
    }

    @Test
    default void takeShouldReturnTheSavedProfileWithItsPassword() {
        AppPassword password = newPassword();
        PendingProfile saved = profile(ALICE, password);
        testee().save(saved);

        Optional<PendingProfile> taken = testee().take(saved.tokenDigest(), NOW);

        assertThat(taken).isPresent();
        assertThat(taken.get().user()).isEqualTo(ALICE);
        assertThat(taken.get().password().reveal()).isEqualTo(password.reveal());
        assertThat(taken.get().password().id()).isEqualTo(password.id());
        assertThat(taken.get().expiresAt()).isEqualTo(EXPIRES);
    }

    @Test
    default void takeShouldReturnEmptyForAnUnknownDigest() {
        testee().save(profile(ALICE, newPassword()));

        assertThat(testee().take(RandomToken.generate(new SecureRandom()).digest(), NOW)).isEmpty();
    }

    @Test
    default void takeShouldReturnEmptyTheSecondTime() {
        PendingProfile saved = profile(ALICE, newPassword());
        testee().save(saved);
        testee().take(saved.tokenDigest(), NOW);

        assertThat(testee().take(saved.tokenDigest(), NOW)).isEmpty();
    }

    @Test
    default void takeShouldReturnTheProfileJustBeforeExpiry() {
        PendingProfile saved = profile(ALICE, newPassword());
        testee().save(saved);

        assertThat(testee().take(saved.tokenDigest(), EXPIRES.minusMillis(1))).isPresent();
    }

    @Test
    default void takeShouldReturnEmptyAtExpiry() {
        PendingProfile saved = profile(ALICE, newPassword());
        testee().save(saved);

        assertThat(testee().take(saved.tokenDigest(), EXPIRES)).isEmpty();
    }

    @Test
    default void takeAtExpiryShouldRemoveTheProfileAllTheSame() {
        PendingProfile saved = profile(ALICE, newPassword());
        testee().save(saved);
        testee().take(saved.tokenDigest(), EXPIRES);

        assertThat(testee().take(saved.tokenDigest(), NOW)).as("taken with a clock set back").isEmpty();
    }

    @Test
    default void takeShouldLeaveOtherProfilesAlone() {
        PendingProfile alices = profile(ALICE, newPassword());
        PendingProfile bobs = profile(BOB, newPassword());
        testee().save(alices);
        testee().save(bobs);
        testee().take(alices.tokenDigest(), NOW);

        assertThat(testee().take(bobs.tokenDigest(), NOW).map(PendingProfile::user)).contains(BOB);
    }

    @Test
    default void removeExpiredShouldRemoveOnlyExpiredProfiles() {
        PendingProfile early = new PendingProfile(RandomToken.generate(new SecureRandom()).digest(), ALICE, newPassword(), NOW);
        PendingProfile later = profile(ALICE, newPassword());
        testee().save(early);
        testee().save(later);

        assertThat(testee().removeExpired(NOW)).isEqualTo(1);

        assertThat(testee().take(early.tokenDigest(), NOW.minusSeconds(60))).as("removed, even for a clock set back").isEmpty();
        assertThat(testee().take(later.tokenDigest(), NOW)).isPresent();
    }

    @Test
    default void racingTakesShouldHandTheProfileOutOnce() throws Exception {
        PendingProfile saved = profile(ALICE, newPassword());
        testee().save(saved);

        List<Boolean> taken = Concurrently.run(Concurrently.THREADS, index -> testee().take(saved.tokenDigest(), NOW).isPresent());

        assertThat(taken).containsOnlyOnce(true);
    }
}
