package org.apppasswords.login;

import static org.apppasswords.login.LoginFixture.ALICE;
import static org.apppasswords.login.LoginFixture.ALICE_PASSWORD;
import static org.apppasswords.login.LoginFixture.ATTACKER;
import static org.apppasswords.login.LoginFixture.BOB;
import static org.apppasswords.login.LoginFixture.BOB_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.notice.SecurityNotices;
import org.apppasswords.totp.RecoveryCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The security notices a login calls for ({@link LoginObserver}): a recovery code spent, the codes locked, an app password used. */
class LoginNoticesTest {
    private static final int MAX_WRONG_CODES = 3;

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final SecurityNotices recording = new SecurityNotices() {
        @Override
        public void recoveryCodeUsed(Username user, LoginOrigin origin) {
            calls.add("recoveryCodeUsed " + user.asString() + " " + origin);
        }

        @Override
        public void codesLocked(Username user, LoginOrigin origin) {
            calls.add("codesLocked " + user.asString() + " " + origin);
        }

        @Override
        public void appPasswordUsed(Username user, String appPasswordId, String label, LoginOrigin origin) {
            calls.add("appPasswordUsed " + user.asString() + " " + appPasswordId + " " + label + " " + origin);
        }
    };
    private LoginFixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        fixture = LoginFixture.builder()
            .throttle(LoginFixture.throttle(10_000, 10_000, 10_000, MAX_WRONG_CODES))
            .notices(recording)
            .build();
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private static String imapFrom(String address) {
        return LoginFixture.from(address, "IMAP").toString();
    }

    @Test
    void anAcceptedAppPasswordShouldBeToldWithItsIdLabelAndOrigin() throws Exception {
        AppPassword appPassword = fixture.createAppPassword(BOB);

        fixture.loginFrom(ATTACKER, BOB, appPassword.reveal());

        assertThat(calls).containsExactly("appPasswordUsed bob@example.org " + appPassword.id().asString() + " Mail client "
            + imapFrom(ATTACKER));
    }

    @Test
    void aRefusedAppPasswordShouldTellNothing() throws Exception {
        AppPassword alices = fixture.createAppPassword(ALICE);

        fixture.loginFrom(ATTACKER, BOB, alices.reveal());
        fixture.logins.appPasswords.revoke(ALICE, alices.id());
        fixture.loginFrom(ATTACKER, ALICE, alices.reveal());

        assertThat(calls).isEmpty();
    }

    @Test
    void aRecoveryCodeSpentShouldBeTold() throws Exception {
        List<RecoveryCode> codes = fixture.enableTotp(ALICE);

        fixture.loginFrom(ATTACKER, ALICE, ALICE_PASSWORD + "$" + codes.get(0).revealForDisplay());

        assertThat(calls).containsExactly("recoveryCodeUsed alice@example.org " + imapFrom(ATTACKER));
    }

    @Test
    void aRecoveryCodeSpentToSignInToTheSelfServicePageShouldBeToldToo() {
        List<RecoveryCode> codes = fixture.enableTotp(ALICE);

        fixture.check(Entrance.SIGN_IN, ALICE, ALICE_PASSWORD + "$" + codes.get(0).revealForDisplay(),
            LoginFixture.from(ATTACKER, "SELF-SERVICE"));

        assertThat(calls).containsExactly("recoveryCodeUsed alice@example.org " + LoginFixture.from(ATTACKER, "SELF-SERVICE"));
    }

    @Test
    void aRecoveryCodeRefusedShouldTellNothing() throws Exception {
        List<RecoveryCode> codes = fixture.enableTotp(ALICE);

        fixture.loginFrom(ATTACKER, ALICE, "Wrong-Secret-Value$" + codes.get(0).revealForDisplay());

        assertThat(calls).isEmpty();
    }

    @Test
    void theWrongCodeThatLocksTheCodesShouldBeToldOnce() throws Exception {
        fixture.enableTotp(ALICE);

        for (int i = 0; i < MAX_WRONG_CODES + 2; i++) {
            fixture.loginFrom("192.0.2." + i, ALICE, ALICE_PASSWORD + "$" + fixture.wrongCode(i));
        }

        assertThat(calls).containsExactly("codesLocked alice@example.org " + imapFrom("192.0.2." + (MAX_WRONG_CODES - 1)));
    }

    @Test
    void fewerWrongCodesThanTheLimitShouldTellNothing() throws Exception {
        fixture.enableTotp(ALICE);

        for (int i = 0; i < MAX_WRONG_CODES - 1; i++) {
            fixture.loginFrom(ATTACKER, ALICE, ALICE_PASSWORD + "$" + fixture.wrongCode(i));
        }

        assertThat(calls).isEmpty();
    }

    @Test
    void primaryPasswordAndTotpLoginsShouldTellNothing() throws Exception {
        fixture.loginFrom(ATTACKER, BOB, BOB_PASSWORD);
        fixture.loginFrom(ATTACKER, BOB, "Wrong-Secret-Value");
        fixture.enableTotp(ALICE);
        fixture.loginFrom(ATTACKER, ALICE, ALICE_PASSWORD + "$" + fixture.currentCode());

        assertThat(calls).isEmpty();
    }
}
