package org.apppasswords.login;

import static org.apppasswords.login.LoginFixture.ALICE;
import static org.apppasswords.login.LoginFixture.ALICE_PASSWORD;
import static org.apppasswords.login.LoginFixture.ATTACKER;
import static org.apppasswords.login.LoginFixture.BOB;
import static org.apppasswords.login.LoginFixture.BOB_PASSWORD;
import static org.apppasswords.login.LoginFixture.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.james.user.api.model.User;
import org.apppasswords.audit.LoginOrigin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.MDC;

/**
 * Issue 16: every refusal on the primary path takes James's {@code verifyFailureDelay} (read from
 * {@code usersrepository.xml}), whatever refused it: a wrong password, an unknown name, a locked
 * attempt, a wrong or missing code, a token endpoint's refusal. So the time of an answer tells
 * neither the password, nor the name, nor the lockout. A success does not wait. James's own
 * {@code test()}, which sleeps by itself, is never called. Only lower bounds are asserted for
 * refusals; the success is measured at its fastest of a few runs.
 */
class VerifyFailureDelayTest {
    private static final Duration DELAY = Duration.ofMillis(300);
    private static final int ADDRESS_MAX = 3;

    private LoginFixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        fixture = LoginFixture.builder()
            .usersRepository("verifyFailureDelay", "300ms")
            .throttle(LoginFixture.throttle(ADDRESS_MAX, 10_000, 10_000, 100))
            .build();
        fixture.enableTotp(BOB);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    /** Prepares a refusal (a lockout, a spent code...) and returns it, to be timed alone. */
    interface Refusal {
        Callable<Verdict> prepare(LoginFixture fixture);
    }

    static Stream<Arguments> refusals() {
        LoginOrigin attacker = LoginFixture.from(ATTACKER, "IMAP");
        return Stream.of(
            refusal("a wrong password", fixture -> () -> fixture.check(Entrance.PROTOCOL, ALICE, "wrong")),
            refusal("an unknown name", fixture -> () -> fixture.check(Entrance.PROTOCOL, UNKNOWN, ALICE_PASSWORD)),
            refusal("a locked attempt with the right password", fixture -> {
                for (int i = 0; i < ADDRESS_MAX; i++) {
                    fixture.check(Entrance.PROTOCOL, ALICE, "wrong-" + i, attacker);
                }
                return () -> {
                    Verdict locked = fixture.check(Entrance.PROTOCOL, ALICE, ALICE_PASSWORD, attacker);
                    assertThat(locked.outcome()).isEqualTo(Verdict.Outcome.LOCKED);
                    return locked;
                };
            }),
            refusal("a locked attempt at an unknown name", fixture -> {
                for (int i = 0; i < ADDRESS_MAX; i++) {
                    fixture.check(Entrance.PROTOCOL, UNKNOWN, "wrong-" + i, attacker);
                }
                return () -> {
                    Verdict locked = fixture.check(Entrance.PROTOCOL, UNKNOWN, ALICE_PASSWORD, attacker);
                    assertThat(locked.outcome()).isEqualTo(Verdict.Outcome.LOCKED);
                    return locked;
                };
            }),
            refusal("a wrong code", fixture -> () -> fixture.check(Entrance.PROTOCOL, BOB, BOB_PASSWORD + "$" + fixture.wrongCode())),
            refusal("the bare primary password of a TOTP user", fixture -> () -> fixture.check(Entrance.PROTOCOL, BOB, BOB_PASSWORD)),
            refusal("a replayed code", fixture -> {
                String presented = BOB_PASSWORD + "$" + fixture.currentCode();
                assertThat(fixture.check(Entrance.PROTOCOL, BOB, presented).accepted()).isTrue();
                return () -> fixture.check(Entrance.PROTOCOL, BOB, presented);
            }),
            refusal("the token entrance, a TOTP user's right password", fixture -> () -> fixture.check(Entrance.TOKEN, BOB, BOB_PASSWORD)),
            refusal("the token entrance, a wrong password", fixture -> () -> fixture.check(Entrance.TOKEN, ALICE, "wrong")),
            refusal("the token entrance, an unknown name", fixture -> () -> fixture.check(Entrance.TOKEN, UNKNOWN, ALICE_PASSWORD)),
            refusal("the sign-in, a wrong password", fixture -> () -> fixture.check(Entrance.SIGN_IN, ALICE, "wrong")),
            refusal("the step-up, a wrong password", fixture -> () -> fixture.check(Entrance.STEP_UP, BOB, "wrong")),
            refusal("the code entrance, a wrong code", fixture -> () -> fixture.check(Entrance.CODE, BOB, fixture.wrongCode())));
    }

    private static Arguments refusal(String name, Refusal refusal) {
        return Arguments.of(name, refusal);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void everyPrimaryPathRefusalShouldTakeTheFailureDelay(String name, Refusal refusal) throws Exception {
        Callable<Verdict> refused = refusal.prepare(fixture);

        long start = System.nanoTime();
        Verdict verdict = refused.call();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(verdict.accepted()).isFalse();
        assertThat(elapsed).isGreaterThanOrEqualTo(DELAY);
        assertThat(fixture.james.tests).as("James's own test(), which sleeps by itself").hasValue(0);
    }

    @Test
    void aManageSieveStyleRefusalShouldTakeTheFailureDelay() throws Exception {
        User alice = fixture.decorator.getUserByName(ALICE);
        MDC.put("ip", ATTACKER);
        try {
            long start = System.nanoTime();
            assertThat(alice.verifyPassword("wrong")).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(DELAY);
        } finally {
            MDC.remove("ip");
        }
    }

    /** James's ManageSieve refuses a null user itself, at once: over ManageSieve an unknown name gets a user that takes the rules. */
    @Test
    void anUnknownNameOverManageSieveShouldTakeTheFailureDelay() throws Exception {
        assertThat(fixture.decorator.getUserByName(UNKNOWN)).as("outside ManageSieve (WebAdmin's upsert creates on null)").isNull();
        MDC.put("ip", ATTACKER);
        MDC.put("protocol", "MANAGE-SIEVE");
        try {
            User unknown = fixture.decorator.getUserByName(UNKNOWN);
            long start = System.nanoTime();
            assertThat(unknown.verifyPassword(ALICE_PASSWORD)).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(DELAY);
        } finally {
            MDC.remove("ip");
            MDC.remove("protocol");
        }
        assertThat(fixture.james.tests).hasValue(0);
    }

    @Test
    void aSuccessShouldNotWait() {
        assertThat(fastest(true, () -> fixture.check(Entrance.PROTOCOL, ALICE, ALICE_PASSWORD))).isLessThan(DELAY.dividedBy(2));
        assertThat(fastest(true, () -> fixture.check(Entrance.PROTOCOL, BOB, BOB_PASSWORD + "$" + fixture.freshCode())))
            .isLessThan(DELAY.dividedBy(2));
        assertThat(fastest(true, () -> fixture.check(Entrance.TOKEN, ALICE, ALICE_PASSWORD))).isLessThan(DELAY.dividedBy(2));
        assertThat(fastest(true, () -> fixture.check(Entrance.STEP_UP, BOB, BOB_PASSWORD))).isLessThan(DELAY.dividedBy(2));
        assertThat(fixture.james.tests).hasValue(0);
    }

    @Test
    void withoutAFailureDelayARefusalShouldNotWait() throws Exception {
        try (LoginFixture stock = LoginFixture.create()) {
            assertThat(fastest(false, () -> stock.check(Entrance.PROTOCOL, ALICE, "wrong"))).isLessThan(DELAY.dividedBy(2));
        }
    }

    /** The fastest of a few runs of {@code login}, each accepted or not as {@code accepted} says. */
    private static Duration fastest(boolean accepted, Supplier<Verdict> login) {
        List<Duration> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long start = System.nanoTime();
            Verdict verdict = login.get();
            runs.add(Duration.ofNanos(System.nanoTime() - start));
            assertThat(verdict.accepted()).isEqualTo(accepted);
        }
        return Collections.min(runs);
    }
}
