package org.apppasswords.login;

import static org.apppasswords.login.LoginFixture.ALICE;
import static org.apppasswords.login.LoginFixture.ALICE_PASSWORD;
import static org.apppasswords.login.LoginFixture.ATTACKER;
import static org.apppasswords.login.LoginFixture.BOB;
import static org.apppasswords.login.LoginFixture.BOB_PASSWORD;
import static org.apppasswords.login.LoginFixture.OWNER;
import static org.apppasswords.login.LoginFixture.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.james.core.Username;
import org.apache.james.user.api.model.User;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.totp.RecoveryCodes;
import org.apppasswords.totp.TotpEnrolment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.MDC;

/**
 * Issue 16: a locked-out guesser learns nothing. Once the (account, address) scope is locked, a
 * further attempt from that address never reaches James (no lookup, no password check, no LDAP bind
 * in a server): it hashes against the decoy, costs what any primary-path attempt costs, changes
 * nothing, and is refused as {@link Verdict.Outcome#LOCKED}, whether its password is right or wrong
 * and whether the name exists or not. ALICE has no TOTP, BOB has.
 */
class LockedAttemptTest {
    private static final int ADDRESS_MAX = 3;
    private static final Duration LOCKOUT = Duration.ofMinutes(1);
    private static final LoginOrigin FROM_ATTACKER = LoginFixture.from(ATTACKER, "IMAP");

    private final CountingStores stores = new CountingStores();
    private LoginFixture fixture;
    private Work lastWork;

    @BeforeEach
    void setUp() throws Exception {
        fixture = LoginFixture.builder()
            .throttle(LoginFixture.throttle(ADDRESS_MAX, 10_000, 10_000, 100))
            .secondFactors(stores::secondFactors)
            .loginFailures(stores::loginFailures)
            .build();
        fixture.enableTotp(BOB);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    /** {@value #ADDRESS_MAX} distinct wrong passwords for {@code user} from the attacker's address: the scope is locked. */
    private void lock(Username user) {
        for (int i = 0; i < ADDRESS_MAX; i++) {
            assertThat(fixture.check(Entrance.PROTOCOL, user, "wrong-" + i, FROM_ATTACKER).outcome()).isEqualTo(Verdict.Outcome.REFUSED);
        }
    }

    /** One attempt from the attacker's address; its work goes to {@link #lastWork}. */
    private Verdict attempt(Entrance entrance, Username user, String presented) {
        Verdict[] verdict = new Verdict[1];
        lastWork = measure(() -> verdict[0] = fixture.check(entrance, user, presented, FROM_ATTACKER));
        return verdict[0];
    }

    private Work measure(Runnable login) {
        try {
            return Work.of(fixture, () -> {
                login.run();
                return null;
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aLockedAttemptWithTheRightPasswordShouldNeverReachJames() {
        lock(ALICE);

        Verdict verdict = attempt(Entrance.PROTOCOL, ALICE, ALICE_PASSWORD);

        assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.LOCKED);
        assertThat(verdict.lockedUntil()).contains(LoginFixture.START.plus(LOCKOUT));
        assertThat(lastWork.jamesCalls()).isZero();
        assertThat(lastWork.primaryHashes).as("the decoy's hash").isEqualTo(1);
    }

    @Test
    void aLockedAttemptWithAWrongPasswordShouldNeverReachJames() {
        lock(ALICE);

        Verdict verdict = attempt(Entrance.PROTOCOL, ALICE, "another-wrong");

        assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.LOCKED);
        assertThat(lastWork.jamesCalls()).isZero();
        assertThat(lastWork.primaryHashes).isEqualTo(1);
    }

    @Test
    void aLockedAttemptAtAnUnknownNameShouldNeverReachJames() {
        lock(UNKNOWN);

        Verdict verdict = attempt(Entrance.PROTOCOL, UNKNOWN, "another-wrong");

        assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.LOCKED);
        assertThat(lastWork.jamesCalls()).isZero();
        assertThat(lastWork.primaryHashes).isEqualTo(1);
    }

    @Test
    void aLockedAttemptWithTheRightPasswordAndCodeShouldNeverReachJamesNorSpendTheCode() {
        lock(BOB);
        TotpEnrolment before = fixture.enrolment(BOB);
        String code = fixture.currentCode();

        Verdict verdict = attempt(Entrance.PROTOCOL, BOB, BOB_PASSWORD + "$" + code);

        assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.LOCKED);
        assertThat(lastWork.jamesCalls()).isZero();
        assertThat(lastWork.primaryHashes).isEqualTo(1);
        assertThat(fixture.enrolment(BOB).lastUsedStep()).isEqualTo(before.lastUsedStep());
        assertThat(fixture.check(Entrance.PROTOCOL, BOB, BOB_PASSWORD + "$" + code, LoginFixture.from(OWNER, "IMAP")).accepted())
            .as("the code is still unspent, from an address that is not locked").isTrue();
    }

    @Test
    void aLockedAttemptShouldHashWhatAnUnlockedRefusalHashes() {
        lock(ALICE);
        Work unlocked = measure(() -> assertThat(fixture.check(Entrance.PROTOCOL, ALICE, "wrong-9", LoginFixture.from(OWNER, "IMAP"))
            .outcome()).isEqualTo(Verdict.Outcome.REFUSED));

        attempt(Entrance.PROTOCOL, ALICE, ALICE_PASSWORD);

        assertThat(unlocked.jamesCalls()).as("an unlocked refusal asks James").isEqualTo(2);
        assertThat(lastWork.hashingOnly()).isEqualTo(unlocked.hashingOnly()).isEqualTo(Work.hashes(RecoveryCodes.COUNT, 1));
    }

    @Test
    void aLockedRightPasswordShouldLookExactlyLikeALockedWrongOne() {
        lock(ALICE);

        Verdict right = attempt(Entrance.PROTOCOL, ALICE, ALICE_PASSWORD);
        Work rightWork = lastWork;
        Verdict wrong = attempt(Entrance.PROTOCOL, ALICE, "another-wrong");

        assertThat(right.toString()).isEqualTo(wrong.toString());
        assertThat(right.lockedUntil()).isEqualTo(wrong.lockedUntil());
        assertThat(rightWork).isEqualTo(lastWork);
    }

    @Test
    void aLockedAttemptShouldWriteNothing() {
        lock(BOB);
        stores.reset();

        attempt(Entrance.PROTOCOL, BOB, BOB_PASSWORD + "$" + fixture.currentCode());
        attempt(Entrance.PROTOCOL, BOB, BOB_PASSWORD + "$" + fixture.wrongCode());
        attempt(Entrance.PROTOCOL, BOB, "another-wrong");

        assertThat(stores.loginFailureWrites).hasValue(0);
        assertThat(stores.secondFactorWrites).hasValue(0);
        assertThat(fixture.enrolment(BOB).failedCodes()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Entrance.class)
    void aLockedAttemptShouldNeverReachJamesOnAnyEntrance(Entrance entrance) {
        lock(ALICE);

        Verdict verdict = attempt(entrance, ALICE, entrance == Entrance.CODE ? fixture.currentCode() : ALICE_PASSWORD);

        assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.LOCKED);
        assertThat(lastWork.jamesCalls()).isZero();
        assertThat(lastWork.primaryHashes).isEqualTo(1);
    }

    @Test
    void aLockedManageSieveStyleCheckShouldNeverReachJamesForThePassword() throws Exception {
        lock(ALICE);
        User alice = fixture.decorator.getUserByName(ALICE);

        MDC.put("ip", ATTACKER);
        try {
            Work work = Work.of(fixture, () -> assertThat(alice.verifyPassword(ALICE_PASSWORD)).isFalse());
            assertThat(work.jamesCalls()).isZero();
        } finally {
            MDC.remove("ip");
        }
    }

    @Test
    void theRightPasswordShouldReachJamesAgainOnceTheLockoutEnded() {
        lock(ALICE);
        fixture.clock.advance(LOCKOUT.plusSeconds(1));

        Verdict verdict = attempt(Entrance.PROTOCOL, ALICE, ALICE_PASSWORD);

        assertThat(verdict.accepted()).isTrue();
        assertThat(lastWork.jamesPasswordChecks).isEqualTo(1);
        assertThat(lastWork.primaryHashes).isEqualTo(1);
    }

    @Test
    void anotherAddressShouldStillReachJames() {
        lock(ALICE);

        Work work = measure(() -> assertThat(fixture.check(Entrance.PROTOCOL, ALICE, ALICE_PASSWORD, LoginFixture.from(OWNER, "IMAP"))
            .accepted()).isTrue());

        assertThat(work.jamesPasswordChecks).isEqualTo(1);
    }
}
