package org.apppasswords.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.james.core.Username;
import org.apache.james.user.api.model.User;
import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.apppassword.AppPasswordId;
import org.apppasswords.apppassword.CreatedAppPassword;
import org.apppasswords.audit.AuditLog.Actor;
import org.apppasswords.modules.TestJames;
import org.apppasswords.modules.TestLogins;
import org.apppasswords.totp.RecoveryCode;
import org.apppasswords.totp.TotpEnrolment;
import org.apppasswords.totp.TotpSecret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each management event writes its one audit line in the service layer, whatever route caused it, and no secret. */
class ManagementAuditTest {
    private static final Username ALICE = Username.of("alice@example.org");
    // Base32 of the RFC 6238 SHA1 seed, ASCII "12345678901234567890".
    private static final TotpSecret TOTP_SECRET = TotpSecret.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");

    private TestLogins fixture;
    private AuditCapture audit;

    @BeforeEach
    void setUp() throws Exception {
        fixture = TestLogins.around(TestJames.create().with(ALICE, "alice-Primary-1").repository()).build();
        audit = new AuditCapture();
    }

    @AfterEach
    void tearDown() {
        audit.close();
        fixture.close();
    }

    private AppPassword createAppPassword() {
        return fixture.appPasswordService.create(ALICE, "Mail client", fixture.generations.current(ALICE)).password();
    }

    private List<RecoveryCode> enableTotp() {
        return fixture.secondFactorService.enable(ALICE, TOTP_SECRET, TotpEnrolment.NO_STEP_USED, fixture.generations.current(ALICE));
    }

    @Test
    void createShouldLogOneLineWithTheIdAndNotTheSecret() {
        CreatedAppPassword created = fixture.appPasswordService.create(ALICE, "Thunderbird", fixture.generations.current(ALICE));

        assertThat(audit.lines()).containsExactly("app-passwords-audit event=app-password-created user=alice@example.org id="
            + created.password().id().asString() + " protocols=all by=user");
        assertThat(String.join("\n", audit.lines())).doesNotContain(created.password().reveal())
            .doesNotContain(created.password().revealForDisplay()).doesNotContain(created.entry().encodedHash());
    }

    @Test
    void revokeShouldLogOneLineNamingWhoActed() {
        AppPasswordId id = fixture.appPasswordService.create(ALICE, "Thunderbird", fixture.generations.current(ALICE)).password().id();

        fixture.appPasswordService.revoke(ALICE, id, Actor.ADMIN);

        assertThat(audit.lines("app-password-revoked"))
            .containsExactly("app-passwords-audit event=app-password-revoked user=alice@example.org id=" + id.asString() + " by=admin");
    }

    @Test
    void revokingAnUnknownIdShouldLogNothing() {
        AppPasswordId id = createAppPassword().id();
        fixture.appPasswordService.revoke(ALICE, id, Actor.USER);

        fixture.appPasswordService.revoke(ALICE, id, Actor.USER);

        assertThat(audit.lines("app-password-revoked")).hasSize(1);
    }

    @Test
    void revokeAllShouldLogOneLine() {
        createAppPassword();
        createAppPassword();

        fixture.appPasswordService.revokeAll(ALICE, Actor.USER);

        assertThat(audit.lines("app-passwords-revoked-all"))
            .containsExactly("app-passwords-audit event=app-passwords-revoked-all user=alice@example.org by=user");
    }

    @Test
    void aPrimaryPasswordChangeShouldLogTheRevokeAllItCauses() {
        createAppPassword();

        fixture.userSecrets.primaryPasswordChanged(ALICE);

        assertThat(audit.lines("app-passwords-revoked-all"))
            .containsExactly("app-passwords-audit event=app-passwords-revoked-all user=alice@example.org by=primary-password-change");
    }

    @Test
    void aPasswordChangeThroughJamesShouldLogOneRevokeAllThoughItRevokesBeforeAndAfterItApplies() throws Exception {
        createAppPassword();
        User alice = fixture.decorator.getUserByName(ALICE);
        alice.setPassword("new-Primary-2");

        fixture.decorator.updateUser(alice);

        assertThat(audit.lines("app-passwords-revoked-all"))
            .containsExactly("app-passwords-audit event=app-passwords-revoked-all user=alice@example.org by=primary-password-change");
    }

    @Test
    void aPrimaryPasswordChangeShouldLogNothingWhenNoAppPasswordWent() {
        fixture.userSecrets.primaryPasswordChanged(ALICE);

        assertThat(audit.lines()).isEmpty();
    }

    @Test
    void enableAndDisableShouldLogOneLineEachWithoutTheSeedOrTheCodes() {
        List<RecoveryCode> codes = enableTotp();
        fixture.secondFactorService.disable(ALICE);
        fixture.secondFactorService.disable(ALICE);

        assertThat(audit.lines()).containsExactly(
            "app-passwords-audit event=totp-enabled user=alice@example.org",
            "app-passwords-audit event=totp-disabled user=alice@example.org");
        String all = String.join("\n", audit.lines());
        assertThat(codes).allSatisfy(code -> assertThat(all).doesNotContain(code.reveal()));
        assertThat(all).doesNotContain(TOTP_SECRET.revealBase32());
    }

    @Test
    void anAdminResetShouldLogOneLine() {
        enableTotp();

        fixture.userSecrets.resetSecondFactor(ALICE);

        assertThat(audit.lines("totp-reset")).containsExactly("app-passwords-audit event=totp-reset user=alice@example.org by=admin");
        assertThat(audit.lines("totp-disabled")).isEmpty();
    }
}
