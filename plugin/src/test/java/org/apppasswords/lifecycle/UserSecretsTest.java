package org.apppasswords.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPasswordId;
import org.apppasswords.apppassword.StoredAppPassword;
import org.apppasswords.audit.AuditLog;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.configuration.AppPasswordsConfiguration.OnPrimaryPasswordChange;
import org.apppasswords.notice.SecurityNotices;
import org.apppasswords.session.SelfServiceSession;
import org.apppasswords.signout.SignOut;
import org.apppasswords.store.memory.MemoryActivity;
import org.apppasswords.store.memory.MemoryAppPasswordStore;
import org.apppasswords.store.memory.MemoryGenerations;
import org.apppasswords.store.memory.MemoryLoginFailureStore;
import org.apppasswords.store.memory.MemorySecondFactorStore;
import org.apppasswords.store.memory.MemorySelfServiceSessionStore;
import org.apppasswords.throttle.ClientAddress;
import org.apppasswords.throttle.LoginFailure;
import org.apppasswords.totp.PendingTotpEnrolment;
import org.apppasswords.totp.TotpEnrolment;
import org.apppasswords.totp.TotpSecret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UserSecretsTest {
    static final Username ALICE = Username.of("alice@example.org");
    static final Username ALICIA = Username.of("alicia@example.org");
    static final Username BOB = Username.of("bob@example.org");
    static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");
    static final TotpSecret SECRET = TotpSecret.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    static final ClientAddress ADDRESS = ClientAddress.stored("203.0.113.7");
    static final int MAX_FAILED_CODES = 3;

    final MemoryGenerations generations = new MemoryGenerations();
    final MemoryAppPasswordStore appPasswords = new MemoryAppPasswordStore(generations);
    final MemorySecondFactorStore secondFactors = new MemorySecondFactorStore(generations);
    final MemorySelfServiceSessionStore sessions = new MemorySelfServiceSessionStore(generations);
    final MemoryLoginFailureStore loginFailures = new MemoryLoginFailureStore();

    UserSecrets testee(OnPrimaryPasswordChange onChange) {
        return new UserSecrets(appPasswords, secondFactors, sessions,
            new AppPasswordsConfiguration(false, 25, true, onChange, "James", Duration.ofMinutes(10)), loginFailures, new AuditLog(), SignOut.none(),
            SecurityNotices.NONE, new MemoryActivity());
    }

    UserSecrets testee() {
        return testee(OnPrimaryPasswordChange.REVOKE_ALL);
    }

    void addAppPassword(Username user, String id) {
        appPasswords.add(user, StoredAppPassword.created(AppPasswordId.parse(id).get(), "Mail", "$sha256$salt$hash", NOW), 25,
            generations.current(user));
    }

    void enableTotp(Username user) {
        secondFactors.enable(user, TotpEnrolment.enabled(SECRET, NOW, List.of("$sha256$salt$code")), generations.current(user));
    }

    /** Counts enough different wrong codes to lock the user's codes. */
    void lockCodes(Username user) {
        for (int i = 0; i < MAX_FAILED_CODES; i++) {
            secondFactors.countWrongCode(user, SECRET.fingerprint("wrong " + i), MAX_FAILED_CODES);
        }
    }

    boolean codesLocked(Username user) {
        return secondFactors.find(user).orElseThrow().failedCodes() >= MAX_FAILED_CODES;
    }

    void openSession(Username user, String digest) {
        sessions.create(new SelfServiceSession(digest, user, NOW, NOW.plusSeconds(600), true, generations.current(user)));
    }

    boolean sessionAlive(String digest) {
        return sessions.find(digest, NOW).isPresent();
    }

    /** One failure of {@code user} from {@link #ADDRESS}, and a success noted for it from another address. */
    void failAndSucceed(Username user) {
        loginFailures.record(new LoginFailure(user, ADDRESS, "fingerprint-of-" + user.asString(), NOW));
        loginFailures.succeeded(user, ClientAddress.stored("198.51.100.1"), NOW, false, true);
    }

    List<LoginFailure> failuresOf(Username user) {
        return loginFailures.read(user, ClientAddress.stored("192.0.2.1"), Instant.EPOCH).failures();
    }

    boolean successNoted(Username user) {
        return loginFailures.read(user, ClientAddress.stored("198.51.100.1"), Instant.EPOCH).lastSuccessFromAddress().isPresent();
    }

    @Test
    void holdsAnyShouldBeFalseForAUserWithNothingStored() {
        assertThat(testee().holdsAny(ALICE)).isFalse();
    }

    @Test
    void holdsAnyShouldBeTrueWithAnAppPassword() {
        addAppPassword(ALICE, "aaaaa");

        assertThat(testee().holdsAny(ALICE)).isTrue();
    }

    @Test
    void holdsAnyShouldBeTrueWithTotpOrAPendingEnrolment() {
        enableTotp(ALICE);
        secondFactors.startEnrolment(BOB, new PendingTotpEnrolment(SECRET, NOW));

        assertThat(testee().holdsAny(ALICE)).isTrue();
        assertThat(testee().holdsAny(BOB)).isTrue();
    }

    @Test
    void holdsAnyShouldNotCountAnotherUsersSecrets() {
        addAppPassword(BOB, "aaaaa");

        assertThat(testee().holdsAny(ALICE)).isFalse();
    }

    @Test
    void forgetShouldRemoveEverythingOfTheUserOnly() {
        addAppPassword(ALICE, "aaaaa");
        addAppPassword(BOB, "bbbbb");
        enableTotp(ALICE);
        openSession(ALICE, "alice-session");
        openSession(BOB, "bob-session");

        testee().forget(ALICE);

        assertThat(testee().holdsAny(ALICE)).isFalse();
        assertThat(sessionAlive("alice-session")).isFalse();
        assertThat(appPasswords.list(BOB)).hasSize(1);
        assertThat(sessionAlive("bob-session")).isTrue();
    }

    @Test
    void forgetShouldForgetTheThrottlesRowsOfTheUserOnly() {
        failAndSucceed(ALICE);
        failAndSucceed(BOB);

        testee().forget(ALICE);

        assertThat(failuresOf(ALICE)).isEmpty();
        assertThat(successNoted(ALICE)).isFalse();
        assertThat(failuresOf(BOB)).hasSize(1);
        assertThat(successNoted(BOB)).isTrue();
    }

    @Test
    void primaryPasswordChangedShouldRevokeAppPasswordsAndSessionsButKeepTotpByDefault() {
        addAppPassword(ALICE, "aaaaa");
        enableTotp(ALICE);
        openSession(ALICE, "alice-session");

        testee().primaryPasswordChanged(ALICE);

        assertThat(appPasswords.list(ALICE)).isEmpty();
        assertThat(sessionAlive("alice-session")).isFalse();
        assertThat(secondFactors.find(ALICE)).isPresent();
    }

    @Test
    void primaryPasswordChangedShouldKeepEverythingWhenConfiguredToKeep() {
        addAppPassword(ALICE, "aaaaa");
        openSession(ALICE, "alice-session");

        testee(OnPrimaryPasswordChange.KEEP).primaryPasswordChanged(ALICE);

        assertThat(appPasswords.list(ALICE)).hasSize(1);
        assertThat(sessionAlive("alice-session")).isTrue();
    }

    @ParameterizedTest
    @EnumSource(OnPrimaryPasswordChange.class)
    void primaryPasswordChangedShouldEndALockOfTheCodesButKeepTotp(OnPrimaryPasswordChange onChange) {
        enableTotp(ALICE);
        lockCodes(ALICE);

        testee(onChange).primaryPasswordChanged(ALICE);

        TotpEnrolment enrolment = secondFactors.find(ALICE).orElseThrow();
        assertThat(enrolment.failedCodes()).isZero();
        assertThat(enrolment.secret().revealBytes()).isEqualTo(SECRET.revealBytes());
        assertThat(secondFactors.spendCode(ALICE, 1, List.of(), MAX_FAILED_CODES)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(OnPrimaryPasswordChange.class)
    void primaryPasswordChangedShouldLeaveAnotherUsersLockedCodes(OnPrimaryPasswordChange onChange) {
        enableTotp(ALICE);
        enableTotp(BOB);
        lockCodes(BOB);

        testee(onChange).primaryPasswordChanged(ALICE);

        assertThat(codesLocked(BOB)).isTrue();
    }

    @Test
    void primaryPasswordChangedShouldDoNoHarmWithoutTotp() {
        addAppPassword(ALICE, "aaaaa");

        testee().primaryPasswordChanged(ALICE);

        assertThat(secondFactors.find(ALICE)).isEmpty();
        assertThat(appPasswords.list(ALICE)).isEmpty();
    }

    @Test
    void resetSecondFactorShouldEndTotpPendingEnrolmentAndSessionsAndKeepAppPasswords() {
        addAppPassword(ALICE, "aaaaa");
        enableTotp(ALICE);
        secondFactors.startEnrolment(ALICE, new PendingTotpEnrolment(SECRET, NOW));
        openSession(ALICE, "alice-session");

        assertThat(testee().resetSecondFactor(ALICE)).isTrue();

        assertThat(secondFactors.find(ALICE)).isEmpty();
        assertThat(secondFactors.findPendingEnrolment(ALICE)).isEmpty();
        assertThat(sessionAlive("alice-session")).isFalse();
        assertThat(appPasswords.list(ALICE)).hasSize(1);
    }

    @Test
    void resetSecondFactorShouldKeepThePrimaryPasswordFailuresCounted() {
        enableTotp(ALICE);
        failAndSucceed(ALICE);

        testee().resetSecondFactor(ALICE);

        assertThat(failuresOf(ALICE)).hasSize(1);
    }

    @Test
    void resetSecondFactorShouldStillEndSessionsWhenTotpWasOff() {
        openSession(ALICE, "alice-session");

        assertThat(testee().resetSecondFactor(ALICE)).isFalse();

        assertThat(sessionAlive("alice-session")).isFalse();
    }

    @Test
    void moveShouldCarryAppPasswordsCopyTotpAndEndTheOldNamesSessions() {
        addAppPassword(ALICE, "aaaaa");
        enableTotp(ALICE);
        openSession(ALICE, "alice-session");

        testee().move(ALICE, ALICIA);

        assertThat(appPasswords.list(ALICE)).isEmpty();
        assertThat(appPasswords.list(ALICIA)).extracting(StoredAppPassword::id).containsExactly(AppPasswordId.parse("aaaaa").get());
        assertThat(secondFactors.find(ALICIA)).isPresent();
        // James 3.8.1's rename keeps the old user: its bare password stays refused.
        assertThat(secondFactors.find(ALICE)).isPresent();
        assertThat(sessionAlive("alice-session")).isFalse();
    }

    @Test
    void moveShouldCarryALockOfTheCodesAndKeepItOnTheOldName() {
        enableTotp(ALICE);
        lockCodes(ALICE);

        testee().move(ALICE, ALICIA);

        assertThat(codesLocked(ALICIA)).isTrue();
        assertThat(codesLocked(ALICE)).isTrue();
    }

    @Test
    void moveShouldForgetTheThrottlesRowsOfTheOldName() {
        failAndSucceed(ALICE);
        failAndSucceed(BOB);

        testee().move(ALICE, ALICIA);

        assertThat(failuresOf(ALICE)).isEmpty();
        assertThat(successNoted(ALICE)).isFalse();
        assertThat(failuresOf(BOB)).hasSize(1);
    }

    @Test
    void moveToTheSameNameShouldChangeNothing() {
        addAppPassword(ALICE, "aaaaa");
        openSession(ALICE, "alice-session");
        failAndSucceed(ALICE);

        testee().move(ALICE, ALICE);

        assertThat(appPasswords.list(ALICE)).hasSize(1);
        assertThat(sessionAlive("alice-session")).isTrue();
        assertThat(failuresOf(ALICE)).hasSize(1);
    }
}
