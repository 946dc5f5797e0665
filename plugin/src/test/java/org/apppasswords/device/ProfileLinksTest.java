package org.apppasswords.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.apppassword.AppPasswordStore.AddOutcome;
import org.apppasswords.apppassword.StoredAppPassword;
import org.apppasswords.hashing.RandomToken;
import org.apppasswords.store.memory.MemoryAppPasswordStore;
import org.apppasswords.store.memory.MemoryGenerations;
import org.apppasswords.store.memory.MemoryProfileLinkStore;
import org.apppasswords.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProfileLinksTest {
    private static final Username ALICE = Username.of("alice@example.org");
    private static final Instant START = Instant.parse("2024-03-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final MemoryGenerations generations = new MemoryGenerations();
    private final MemoryAppPasswordStore appPasswords = new MemoryAppPasswordStore(generations);
    private final MemoryProfileLinkStore store = new MemoryProfileLinkStore();
    private final ProfileLinks links = new ProfileLinks(store, appPasswords, clock, new SecureRandom());
    private AppPassword password;

    @BeforeEach
    void setUp() {
        password = ProfileLinkStoreContract.newPassword();
        assertThat(appPasswords.add(ALICE, StoredAppPassword.created(password.id(), "iPhone", "$hash$", START), 25, 0))
            .isEqualTo(AddOutcome.ADDED);
    }

    @Test
    void aLinkShouldRedeemItsPasswordOnce() {
        ProfileLinks.IssuedLink link = links.issue(ALICE, password);

        assertThat(links.redeem(link.token().reveal()).map(profile -> profile.password().reveal())).contains(password.reveal());
        assertThat(links.redeem(link.token().reveal())).isEmpty();
        assertThat(store.size()).isZero();
    }

    @Test
    void aLinkShouldExpireAfterFiveMinutes() {
        ProfileLinks.IssuedLink link = links.issue(ALICE, password);
        assertThat(link.expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
        clock.advance(Duration.ofMinutes(5));

        assertThat(links.redeem(link.token().reveal())).isEmpty();
    }

    @Test
    void anExpiredLinkShouldBeForgottenByTheNextIssue() {
        links.issue(ALICE, password);
        clock.advance(Duration.ofMinutes(5));

        links.issue(ALICE, password);

        assertThat(store.size()).as("the new link only").isEqualTo(1);
    }

    @Test
    void aLinkShouldRedeemNothingOnceItsAppPasswordIsRevoked() {
        ProfileLinks.IssuedLink link = links.issue(ALICE, password);
        appPasswords.revoke(ALICE, password.id());

        assertThat(links.redeem(link.token().reveal())).isEmpty();
        assertThat(store.size()).isZero();
    }

    @Test
    void malformedTokensShouldRedeemNothing() {
        ProfileLinks.IssuedLink link = links.issue(ALICE, password);
        String token = link.token().reveal();

        assertThat(links.redeem(null)).isEmpty();
        assertThat(links.redeem("")).isEmpty();
        assertThat(links.redeem(token.substring(1))).isEmpty();
        assertThat(links.redeem(token + "A")).isEmpty();
        assertThat(links.redeem(token.substring(1) + "%")).isEmpty();
        assertThat(links.redeem(link.token().digest())).isEmpty();
        assertThat(store.size()).as("the link still waits for its real token").isEqualTo(1);
    }

    /** The link's route answers anybody: a made-up token reads one row at most and writes nothing. */
    @Test
    void aMadeUpTokenShouldCostTheStoreNoWrite() {
        List<String> calls = new ArrayList<>();
        ProfileLinkStore watched = (ProfileLinkStore) Proxy.newProxyInstance(ProfileLinkStore.class.getClassLoader(),
            new Class<?>[] {ProfileLinkStore.class}, (proxy, method, args) -> {
                calls.add(method.getName());
                return method.invoke(store, args);
            });
        ProfileLinks watchedLinks = new ProfileLinks(watched, appPasswords, clock, new SecureRandom());

        assertThat(watchedLinks.redeem("made-up")).isEmpty();
        assertThat(watchedLinks.redeem(RandomToken.generate(new SecureRandom()).reveal())).isEmpty();

        assertThat(calls).containsExactly("take");
    }

    @Test
    void toStringShouldHideTheTokenAndThePassword() {
        ProfileLinks.IssuedLink link = links.issue(ALICE, password);
        PendingProfile profile = new PendingProfile(link.token().digest(), ALICE, password, link.expiresAt());

        assertThat(link.toString() + link.token() + profile).doesNotContain(link.token().reveal())
            .doesNotContain(link.token().digest()).doesNotContain(password.reveal()).contains("[REDACTED]");
    }
}
