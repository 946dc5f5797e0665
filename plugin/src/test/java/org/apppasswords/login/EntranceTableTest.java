package org.apppasswords.login;

import static org.apppasswords.login.LoginFixture.ALICE;
import static org.apppasswords.login.LoginFixture.ALICE_PASSWORD;
import static org.apppasswords.login.LoginFixture.BOB_PASSWORD;
import static org.apppasswords.login.LoginFixture.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.james.core.Username;
import org.apppasswords.totp.RecoveryCode;
import org.apppasswords.totp.RecoveryCodes;
import org.apppasswords.totp.TotpEnrolment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every entrance accepts, as a table: each {@link Entrance}, for a user with and without TOTP,
 * with {@code secondFactor.required} on and off, against every shape of input. {@link #ACCEPTED}
 * lists every acceptance and what it proves; everything else is refused. Whatever the row, a TOTP
 * code is spent only by an acceptance that proves it, and a recovery code likewise: so the token
 * entrance and the step-up never spend a code, and no refusal does.
 */
class EntranceTableTest {
    enum Totp { OFF, ON, ANY }

    enum Required { NO, YES, ANY }

    /** What ALICE presents (UNKNOWN_NAME: her password, for a name James does not know). */
    enum Presented {
        BARE_PRIMARY, PRIMARY_AND_CODE, PRIMARY_AND_RECOVERY_CODE, CODE_ALONE, RECOVERY_CODE_ALONE, APP_PASSWORD, WRONG_PRIMARY,
        PRIMARY_AND_WRONG_CODE, ANOTHER_USERS_PASSWORD, UNKNOWN_NAME
    }

    private static final class Row {
        final Entrance entrance;
        final Totp totp;
        final Required required;
        final Presented presented;
        final Verdict.Proof proof;

        Row(Entrance entrance, Totp totp, Required required, Presented presented, Verdict.Proof proof) {
            this.entrance = entrance;
            this.totp = totp;
            this.required = required;
            this.presented = presented;
            this.proof = proof;
        }

        boolean covers(Entrance entrance, boolean totp, boolean required, Presented presented) {
            return this.entrance == entrance && this.presented == presented
                && (this.totp == Totp.ANY || (this.totp == Totp.ON) == totp)
                && (this.required == Required.ANY || (this.required == Required.YES) == required);
        }
    }

    /** Every acceptance: nothing else is accepted anywhere. */
    private static final List<Row> ACCEPTED = List.of(
        new Row(Entrance.PROTOCOL, Totp.ANY, Required.ANY, Presented.APP_PASSWORD, Verdict.Proof.APP_PASSWORD),
        new Row(Entrance.PROTOCOL, Totp.OFF, Required.NO, Presented.BARE_PRIMARY, Verdict.Proof.PRIMARY_PASSWORD),
        new Row(Entrance.PROTOCOL, Totp.ON, Required.ANY, Presented.PRIMARY_AND_CODE, Verdict.Proof.TOTP_CODE),
        new Row(Entrance.PROTOCOL, Totp.ON, Required.ANY, Presented.PRIMARY_AND_RECOVERY_CODE, Verdict.Proof.RECOVERY_CODE),
        new Row(Entrance.TOKEN, Totp.OFF, Required.NO, Presented.BARE_PRIMARY, Verdict.Proof.PRIMARY_PASSWORD),
        // How users enrol: the sign-in takes the bare primary password of a user without TOTP even when a second factor is required.
        new Row(Entrance.SIGN_IN, Totp.OFF, Required.ANY, Presented.BARE_PRIMARY, Verdict.Proof.PRIMARY_PASSWORD),
        new Row(Entrance.SIGN_IN, Totp.ON, Required.ANY, Presented.PRIMARY_AND_CODE, Verdict.Proof.TOTP_CODE),
        new Row(Entrance.SIGN_IN, Totp.ON, Required.ANY, Presented.PRIMARY_AND_RECOVERY_CODE, Verdict.Proof.RECOVERY_CODE),
        new Row(Entrance.STEP_UP, Totp.ANY, Required.ANY, Presented.BARE_PRIMARY, Verdict.Proof.PRIMARY_PASSWORD),
        new Row(Entrance.CODE, Totp.ON, Required.ANY, Presented.CODE_ALONE, Verdict.Proof.TOTP_CODE),
        new Row(Entrance.CODE, Totp.ON, Required.ANY, Presented.RECOVERY_CODE_ALONE, Verdict.Proof.RECOVERY_CODE));

    static Stream<Arguments> everyCase() {
        List<Arguments> cases = new ArrayList<>();
        for (Entrance entrance : Entrance.values()) {
            for (boolean totp : new boolean[] {false, true}) {
                for (boolean required : new boolean[] {false, true}) {
                    for (Presented presented : Presented.values()) {
                        Optional<Verdict.Proof> proof = ACCEPTED.stream().filter(row -> row.covers(entrance, totp, required, presented))
                            .map(row -> row.proof).findFirst();
                        cases.add(Arguments.of(entrance, totp ? "TOTP on" : "TOTP off", required ? "required" : "optional", presented,
                            proof.map(Verdict.Proof::name).orElse("refused")));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, {1}, second factor {2}, {3}: {4}")
    @MethodSource("everyCase")
    void everyEntranceShouldAcceptExactlyWhatItsTableSays(Entrance entrance, String totp, String required, Presented presented,
                                                          String expected) throws Exception {
        boolean totpOn = totp.equals("TOTP on");
        try (LoginFixture fixture = LoginFixture.create(required.equals("required") ? LoginFixture.secondFactorRequired()
            : org.apppasswords.configuration.AppPasswordsConfiguration.defaults())) {
            List<RecoveryCode> recoveryCodes = totpOn ? fixture.enableTotp(ALICE) : new RecoveryCodes(fixture.random).generate();
            String appPassword = fixture.createAppPassword(ALICE).reveal();
            Optional<TotpEnrolment> before = fixture.secondFactors().find(ALICE);
            Username user = presented == Presented.UNKNOWN_NAME ? UNKNOWN : ALICE;

            Verdict verdict = fixture.check(entrance, user, input(fixture, presented, recoveryCodes, appPassword));

            if (expected.equals("refused")) {
                assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.REFUSED);
                assertThat(verdict.proof()).isEqualTo(Verdict.Proof.NOTHING);
            } else {
                assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.ACCEPTED);
                assertThat(verdict.proof().name()).isEqualTo(expected);
            }
            assertThat(verdict.method()).isEqualTo(presented == Presented.APP_PASSWORD ? Verdict.Method.APP_PASSWORD
                : entrance == Entrance.CODE ? Verdict.Method.CODE : Verdict.Method.PRIMARY);
            before.ifPresent(enrolment -> {
                TotpEnrolment after = fixture.enrolment(ALICE);
                assertThat(after.lastUsedStep() != enrolment.lastUsedStep()).as("a TOTP code spent")
                    .isEqualTo(verdict.proof() == Verdict.Proof.TOTP_CODE);
                assertThat(after.recoveryCodeHashes().size() < enrolment.recoveryCodeHashes().size()).as("a recovery code spent")
                    .isEqualTo(verdict.proof() == Verdict.Proof.RECOVERY_CODE);
            });
        }
    }

    private static String input(LoginFixture fixture, Presented presented, List<RecoveryCode> recoveryCodes, String appPassword) {
        switch (presented) {
            case BARE_PRIMARY:
            case UNKNOWN_NAME:
                return ALICE_PASSWORD;
            case PRIMARY_AND_CODE:
                return ALICE_PASSWORD + "$" + fixture.currentCode();
            case PRIMARY_AND_RECOVERY_CODE:
                return ALICE_PASSWORD + "$" + recoveryCodes.get(0).revealForDisplay();
            case CODE_ALONE:
                return fixture.currentCode();
            case RECOVERY_CODE_ALONE:
                return recoveryCodes.get(0).revealForDisplay();
            case APP_PASSWORD:
                return appPassword;
            case WRONG_PRIMARY:
                return "wrong-Primary-0";
            case PRIMARY_AND_WRONG_CODE:
                return ALICE_PASSWORD + "$" + fixture.wrongCode();
            case ANOTHER_USERS_PASSWORD:
                return BOB_PASSWORD;
            default:
                throw new IllegalArgumentException(presented.name());
        }
    }
}
