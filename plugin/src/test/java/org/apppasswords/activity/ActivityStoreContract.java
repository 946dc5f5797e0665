package org.apppasswords.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.james.core.Username;
import org.apppasswords.testing.Concurrently;
import org.junit.jupiter.api.Test;

/** What every backend's sign-in history and known addresses must do, memory and JDBC alike. */
public interface ActivityStoreContract {
    Username ALICE = Username.of("alice@example.org");
    Username BOB = Username.of("bob@example.org");
    // Nanoseconds too: the database keeps epoch nanoseconds.
    Instant NOW = Instant.parse("2026-12-05T10:00:00.123456789Z");
    String ADDRESS = "203.0.113.7";

    SignInHistory history();

    KnownAddresses knownAddresses();

    static SignIn imapAt(Instant at) {
        return new SignIn(at, "IMAP", Optional.of(ADDRESS), SignIn.Method.APP_PASSWORD, Optional.of("qd3k7"), Optional.of("Phone"),
            SignIn.Outcome.SUCCESS);
    }

    static SignIn refusedAt(Instant at) {
        return new SignIn(at, "IMAP", Optional.of(ADDRESS), SignIn.Method.PASSWORD, Optional.empty(), Optional.empty(), SignIn.Outcome.REFUSED);
    }

    static SignIn withLabel(String label) {
        return new SignIn(NOW, "SMTP", Optional.of("2001:db8:85a3::8a2e:370:7334"), SignIn.Method.APP_PASSWORD, Optional.of("x7k2m"),
            Optional.of(label), SignIn.Outcome.SUCCESS);
    }

    private List<Instant> timesOf(Username user) {
        return history().latest(user, Instant.EPOCH).stream().map(SignIn::at).collect(Collectors.toList());
    }

    @Test
    default void latestShouldListNewestFirst() {
        history().add(ALICE, imapAt(NOW));
        history().add(ALICE, imapAt(NOW.plusSeconds(2)));
        history().add(ALICE, imapAt(NOW.plusSeconds(1)));

        assertThat(timesOf(ALICE)).containsExactly(NOW.plusSeconds(2), NOW.plusSeconds(1), NOW);
    }

    @Test
    default void theFiftyFirstSignInShouldDropTheOldestOfThatUserOnly() {
        history().add(BOB, imapAt(NOW.minusSeconds(1)));
        IntStream.rangeClosed(0, SignInHistory.KEPT_PER_USER).forEach(second -> history().add(ALICE, imapAt(NOW.plusSeconds(second))));

        assertThat(timesOf(ALICE)).hasSize(SignInHistory.KEPT_PER_USER)
            .startsWith(NOW.plusSeconds(SignInHistory.KEPT_PER_USER))
            .endsWith(NOW.plusSeconds(1))
            .doesNotContain(NOW);
        assertThat(timesOf(BOB)).containsExactly(NOW.minusSeconds(1));
    }

    @Test
    default void noNumberOfRefusalsShouldPushASuccessOut() {
        history().add(ALICE, imapAt(NOW));
        IntStream.rangeClosed(1, 2 * SignInHistory.KEPT_PER_USER).forEach(second -> history().add(ALICE, refusedAt(NOW.plusSeconds(second))));

        List<SignIn> kept = history().latest(ALICE, Instant.EPOCH);
        assertThat(kept).hasSize(SignInHistory.REFUSALS_KEPT_PER_USER + 1);
        assertThat(kept.get(0).at()).isEqualTo(NOW.plusSeconds(2 * SignInHistory.KEPT_PER_USER));
        assertThat(kept.get(kept.size() - 1)).isEqualTo(imapAt(NOW));
    }

    @Test
    default void refusalsShouldKeepTheirPlacesAmongManySuccesses() {
        int successes = SignInHistory.KEPT_PER_USER;
        IntStream.range(0, successes).forEach(second -> history().add(ALICE, imapAt(NOW.plusSeconds(second))));
        IntStream.range(successes, successes + SignInHistory.KEPT_PER_USER).forEach(second -> history().add(ALICE, refusedAt(NOW.plusSeconds(second))));

        List<SignIn> kept = history().latest(ALICE, Instant.EPOCH);
        assertThat(kept).hasSize(SignInHistory.KEPT_PER_USER);
        assertThat(kept.subList(0, SignInHistory.REFUSALS_KEPT_PER_USER))
            .allSatisfy(signIn -> assertThat(signIn.outcome()).isEqualTo(SignIn.Outcome.REFUSED));
        assertThat(kept.subList(SignInHistory.REFUSALS_KEPT_PER_USER, SignInHistory.KEPT_PER_USER))
            .allSatisfy(signIn -> assertThat(signIn.outcome()).isEqualTo(SignIn.Outcome.SUCCESS));
        assertThat(kept.get(SignInHistory.KEPT_PER_USER - 1).at()).isEqualTo(NOW.plusSeconds(successes - SignInHistory.REFUSALS_KEPT_PER_USER));
    }

    @Test
    default void latestShouldLeaveOutWhatCameBeforeSince() {
        history().add(ALICE, imapAt(NOW.minusNanos(1)));
        history().add(ALICE, imapAt(NOW));
        history().add(ALICE, imapAt(NOW.plusSeconds(1)));

        assertThat(history().latest(ALICE, NOW)).extracting(SignIn::at).containsExactly(NOW.plusSeconds(1), NOW);
        assertThat(history().latest(ALICE, NOW.plusSeconds(2))).isEmpty();
        assertThat(history().latest(BOB, Instant.EPOCH)).isEmpty();
    }

    @Test
    default void forgetBeforeShouldDropTheOlderSignInsOfEveryUser() {
        history().add(ALICE, imapAt(NOW.minus(Duration.ofDays(31))));
        history().add(ALICE, imapAt(NOW));
        history().add(BOB, imapAt(NOW.minusNanos(1)));
        history().add(BOB, imapAt(NOW.plusSeconds(1)));

        history().forgetBefore(NOW);

        assertThat(timesOf(ALICE)).containsExactly(NOW);
        assertThat(timesOf(BOB)).containsExactly(NOW.plusSeconds(1));
    }

    @Test
    default void forgetShouldDropTheSignInsAndKnownAddressesOfThatUserOnly() {
        history().add(ALICE, imapAt(NOW));
        history().add(BOB, imapAt(NOW));
        knownAddresses().add(ALICE, "qd3k7", ADDRESS);
        knownAddresses().add(BOB, "qd3k7", ADDRESS);

        history().forget(ALICE);

        assertThat(history().latest(ALICE, Instant.EPOCH)).isEmpty();
        assertThat(knownAddresses().add(ALICE, "qd3k7", ADDRESS)).as("new again to the forgotten user").isTrue();
        assertThat(history().latest(BOB, Instant.EPOCH)).containsExactly(imapAt(NOW));
        assertThat(knownAddresses().add(BOB, "qd3k7", ADDRESS)).as("still known to the other user").isFalse();
    }

    @Test
    default void aSignInShouldComeBackAsItWasAdded() {
        SignIn full = withLabel("Work laptop");

        history().add(ALICE, full);

        assertThat(history().latest(ALICE, Instant.EPOCH)).containsExactly(full);
    }

    @Test
    default void absentOptionalFieldsShouldComeBackAbsent() {
        SignIn bare = new SignIn(NOW, "-", Optional.empty(), SignIn.Method.PASSWORD, Optional.empty(), Optional.empty(),
            SignIn.Outcome.REFUSED);

        history().add(ALICE, bare);

        SignIn read = history().latest(ALICE, Instant.EPOCH).get(0);
        assertThat(read).isEqualTo(bare);
        assertThat(read.asJson()).containsEntry("address", null).containsEntry("appPasswordId", null).containsEntry("label", null);
    }

    @Test
    default void everyMethodAndOutcomeShouldComeBackAsAdded() {
        for (SignIn.Method method : SignIn.Method.values()) {
            for (SignIn.Outcome outcome : SignIn.Outcome.values()) {
                history().add(ALICE, new SignIn(NOW, "POP3", Optional.empty(), method, Optional.empty(), Optional.empty(), outcome));
            }
        }

        assertThat(history().latest(ALICE, Instant.EPOCH))
            .extracting(signIn -> signIn.method().name() + "/" + signIn.outcome().name())
            .hasSize(SignIn.Method.values().length * SignIn.Outcome.values().length)
            .doesNotHaveDuplicates();
    }

    @Test
    default void labelsInAnyScriptShouldComeBackUnchanged() {
        List<String> labels = List.of("Téléphone d'Émilie", "日本語のメール", "עברית mail", "Z\u0301a\u0308lgo", "<b>&\"'%_\\",
            "🦊 Fox laptop 𝔐𝔞𝔦𝔩", "📱".repeat(64));

        labels.forEach(label -> history().add(ALICE, withLabel(label)));

        assertThat(history().latest(ALICE, Instant.EPOCH)).extracting(signIn -> signIn.label().get())
            .containsExactlyInAnyOrderElementsOf(labels);
    }

    @Test
    default void anAddressShouldBeNewOnceThenKnown() {
        assertThat(knownAddresses().add(ALICE, "qd3k7", ADDRESS)).isTrue();
        assertThat(knownAddresses().add(ALICE, "qd3k7", ADDRESS)).isFalse();
        assertThat(knownAddresses().add(ALICE, "qd3k7", ADDRESS)).isFalse();
    }

    @Test
    default void anAddressShouldBeNewToEachAppPasswordAndEachUser() {
        knownAddresses().add(ALICE, "qd3k7", ADDRESS);

        assertThat(knownAddresses().add(ALICE, "x7k2m", ADDRESS)).as("another app password").isTrue();
        assertThat(knownAddresses().add(BOB, "qd3k7", ADDRESS)).as("the same id for another user").isTrue();
        assertThat(knownAddresses().add(ALICE, "qd3k7", "203.0.113.8")).as("another address").isTrue();
    }

    @Test
    default void anAppPasswordShouldKeepAtMostFiftyAddresses() {
        List<Boolean> firstFifty = IntStream.range(0, KnownAddresses.KEPT_PER_APP_PASSWORD)
            .mapToObj(i -> knownAddresses().add(ALICE, "qd3k7", "198.51.100." + i))
            .collect(Collectors.toList());

        assertThat(firstFifty).containsOnly(true);
        assertThat(knownAddresses().add(ALICE, "qd3k7", "198.51.100.200")).isFalse();
        assertThat(knownAddresses().add(ALICE, "qd3k7", "198.51.100.200")).isFalse();
        assertThat(knownAddresses().add(ALICE, "x7k2m", "198.51.100.200")).as("the other app passwords keep theirs").isTrue();
    }

    @Test
    default void parallelAddsOfOneAddressShouldFindItNewExactlyOnce() throws Exception {
        List<Boolean> answers = Concurrently.run(Concurrently.THREADS, index -> knownAddresses().add(ALICE, "qd3k7", ADDRESS));

        assertThat(answers).containsOnlyOnce(true);
        assertThat(answers.stream().filter(answer -> !answer)).hasSize(Concurrently.THREADS - 1);
    }
}
