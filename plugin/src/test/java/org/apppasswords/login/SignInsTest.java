package org.apppasswords.login;

import static org.apppasswords.login.LoginFixture.ALICE;
import static org.apppasswords.login.LoginFixture.ALICE_PASSWORD;
import static org.apppasswords.login.LoginFixture.ATTACKER;
import static org.apppasswords.login.LoginFixture.BOB;
import static org.apppasswords.login.LoginFixture.BOB_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.james.core.Username;
import org.apppasswords.activity.SignIn;
import org.apppasswords.activity.SignInRecorder;
import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.totp.RecoveryCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a login leaves in its user's sign-in history ({@link SignIns}, recorded by {@link LoginObserver}): never why it was refused. */
class SignInsTest {
    private static final int ADDRESS_MAX = 3;
    private static final LoginOrigin SELF_SERVICE = LoginFixture.from(ATTACKER, "SELF-SERVICE");

    private final List<String> users = new CopyOnWriteArrayList<>();
    private final List<SignIn> signIns = new CopyOnWriteArrayList<>();
    private final SignInRecorder recording = (user, signIn) -> {
        users.add(user.asString());
        signIns.add(signIn);
    };
    private LoginFixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        fixture = LoginFixture.builder()
            .throttle(LoginFixture.throttle(ADDRESS_MAX, 10_000, 10_000, 3))
            .signIns(recording)
            .build();
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private SignIn onlySignInOf(Username user) {
        assertThat(users).containsExactly(user.asString());
        return signIns.get(0);
    }

    @Test
    void anAcceptedAppPasswordShouldBeRecordedByItsIdAndLabel() throws Exception {
        AppPassword appPassword = fixture.createAppPassword(BOB);

        fixture.loginFrom(ATTACKER, BOB, appPassword.reveal());

        assertThat(onlySignInOf(BOB)).isEqualTo(new SignIn(fixture.clock.instant(), "IMAP", Optional.of(ATTACKER), SignIn.Method.APP_PASSWORD,
            Optional.of(appPassword.id().asString()), Optional.of("Mail client"), SignIn.Outcome.SUCCESS));
    }

    @Test
    void anAppPasswordOfAnotherUserShouldBeRecordedRefusedWithoutNamingIt() throws Exception {
        fixture.loginFrom(ATTACKER, BOB, fixture.createAppPassword(ALICE).reveal());

        SignIn signIn = onlySignInOf(BOB);
        assertThat(signIn.method()).isEqualTo(SignIn.Method.APP_PASSWORD);
        assertThat(signIn.outcome()).isEqualTo(SignIn.Outcome.REFUSED);
        assertThat(signIn.appPasswordId()).isEmpty();
        assertThat(signIn.label()).isEmpty();
    }

    @Test
    void anAcceptedPrimaryPasswordShouldBeRecordedAsPassword() throws Exception {
        fixture.loginFrom(ATTACKER, BOB, BOB_PASSWORD);

        assertThat(onlySignInOf(BOB)).isEqualTo(new SignIn(fixture.clock.instant(), "IMAP", Optional.of(ATTACKER), SignIn.Method.PASSWORD,
            Optional.empty(), Optional.empty(), SignIn.Outcome.SUCCESS));
    }

    @Test
    void aWrongPrimaryPasswordShouldBeRecordedRefusedWithoutAnId() throws Exception {
        fixture.loginFrom(ATTACKER, BOB, "Wrong-Secret-Value");

        SignIn signIn = onlySignInOf(BOB);
        assertThat(signIn.method()).isEqualTo(SignIn.Method.PASSWORD);
        assertThat(signIn.outcome()).isEqualTo(SignIn.Outcome.REFUSED);
        assertThat(signIn.appPasswordId()).isEmpty();
    }

    @Test
    void anAttemptWhileLockedOutShouldBeRecordedLocked() throws Exception {
        for (int i = 0; i < ADDRESS_MAX; i++) {
            fixture.loginFrom(ATTACKER, BOB, "wrong-" + i);
        }
        fixture.loginFrom(ATTACKER, BOB, BOB_PASSWORD);

        assertThat(signIns).extracting(SignIn::outcome).hasSize(ADDRESS_MAX + 1).endsWith(SignIn.Outcome.LOCKED)
            .containsOnly(SignIn.Outcome.REFUSED, SignIn.Outcome.LOCKED);
    }

    @Test
    void aPrimaryPasswordWithItsCodeShouldBeRecordedAsPasswordAndCode() throws Exception {
        fixture.enableTotp(ALICE);

        fixture.loginFrom(ATTACKER, ALICE, ALICE_PASSWORD + "$" + fixture.currentCode());

        assertThat(onlySignInOf(ALICE).method()).isEqualTo(SignIn.Method.PASSWORD_AND_CODE);
        assertThat(signIns.get(0).outcome()).isEqualTo(SignIn.Outcome.SUCCESS);
    }

    @Test
    void aWrongCodeShouldNotTellThatThePasswordWasRight() throws Exception {
        fixture.enableTotp(ALICE);

        fixture.loginFrom(ATTACKER, ALICE, ALICE_PASSWORD + "$" + fixture.wrongCode());
        fixture.loginFrom(ATTACKER, ALICE, "Wrong-Secret-Value$" + fixture.currentCode());

        assertThat(signIns).hasSize(2).allSatisfy(signIn -> {
            assertThat(signIn.method()).isEqualTo(SignIn.Method.PASSWORD);
            assertThat(signIn.outcome()).isEqualTo(SignIn.Outcome.REFUSED);
        });
    }

    @Test
    void aRecoveryCodeShouldBeRecordedAsPasswordAndRecoveryCode() throws Exception {
        List<RecoveryCode> codes = fixture.enableTotp(ALICE);

        fixture.loginFrom(ATTACKER, ALICE, ALICE_PASSWORD + "$" + codes.get(0).revealForDisplay());

        assertThat(onlySignInOf(ALICE).method()).isEqualTo(SignIn.Method.PASSWORD_AND_RECOVERY_CODE);
    }

    @Test
    void theSelfServiceSignInAndTheTokenEndpointShouldBeRecorded() throws Exception {
        fixture.check(Entrance.SIGN_IN, BOB, BOB_PASSWORD, SELF_SERVICE);
        LoginFixture.loginFrom(fixture.tokenEndpoint, ATTACKER, "JMAP", ALICE, "Wrong-Secret-Value");

        assertThat(users).containsExactly(BOB.asString(), ALICE.asString());
        assertThat(signIns).extracting(SignIn::protocol).containsExactly("SELF-SERVICE", "JMAP");
        assertThat(signIns).extracting(SignIn::outcome).containsExactly(SignIn.Outcome.SUCCESS, SignIn.Outcome.REFUSED);
    }

    @Test
    void theStepUpAndCodeChecksOfASessionShouldRecordNothing() {
        fixture.enableTotp(ALICE);

        fixture.check(Entrance.STEP_UP, ALICE, ALICE_PASSWORD, SELF_SERVICE);
        fixture.check(Entrance.STEP_UP, ALICE, "Wrong-Secret-Value", SELF_SERVICE);
        fixture.check(Entrance.CODE, ALICE, fixture.freshCode(), SELF_SERVICE);
        fixture.check(Entrance.CODE, ALICE, fixture.wrongCode(), SELF_SERVICE);

        assertThat(signIns).isEmpty();
    }

    @Test
    void anOriginJamesDidNotGiveShouldBeRecordedAsUnknown() throws Exception {
        fixture.login(BOB, BOB_PASSWORD);

        SignIn signIn = onlySignInOf(BOB);
        assertThat(signIn.protocol()).isEqualTo(SignIns.UNKNOWN_PROTOCOL);
        assertThat(signIn.address()).isEmpty();
    }
}
