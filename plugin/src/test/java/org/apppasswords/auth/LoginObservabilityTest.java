package org.apppasswords.auth;

import static org.apppasswords.auth.LoginFixture.ALICE;
import static org.apppasswords.auth.LoginFixture.ALICE_PASSWORD;
import static org.apppasswords.auth.LoginFixture.BOB;
import static org.apppasswords.auth.LoginFixture.BOB_PASSWORD;
import static org.apppasswords.auth.ThrottleFixture.ADDRESS_MAX;
import static org.apppasswords.auth.ThrottleFixture.ATTACKER;
import static org.apppasswords.auth.ThrottleFixture.fail;
import static org.apppasswords.auth.ThrottleFixture.login;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.audit.AuditLog;
import org.apppasswords.totp.RecoveryCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** The metrics and audit lines a login emits where both paths meet, read through James's RecordingMetricFactory and a log appender. */
class LoginObservabilityTest {
    private final ListAppender<ILoggingEvent> audit = new ListAppender<>();
    private LoginFixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        fixture = ThrottleFixture.create();
        audit.start();
        Logger logger = (Logger) LoggerFactory.getLogger(AuditLog.LOGGER_NAME);
        logger.setLevel(Level.INFO);
        logger.addAppender(audit);
    }

    @AfterEach
    void tearDown() {
        Logger logger = (Logger) LoggerFactory.getLogger(AuditLog.LOGGER_NAME);
        logger.detachAppender(audit);
        logger.setLevel(null);
    }

    private List<String> auditLines() {
        // Only the login events: management events (app password created, TOTP enabled) have tests of their own.
        return audit.list.stream().map(ILoggingEvent::getFormattedMessage)
            .filter(line -> line.contains("event=login-refused") || line.contains("event=lockout-started")
                || line.contains("event=recovery-code-used"))
            .collect(Collectors.toList());
    }

    private int count(String metric) {
        return fixture.metrics.countFor(metric);
    }

    @Test
    void everyLoginShouldBeCountedByMethodAndOutcome() throws Exception {
        AppPassword appPassword = fixture.createAppPassword(BOB);
        login(fixture, ATTACKER, BOB, appPassword.reveal());
        login(fixture, ATTACKER, ALICE, appPassword.reveal());
        login(fixture, ATTACKER, BOB, BOB_PASSWORD);
        fail(fixture, ATTACKER, BOB, ADDRESS_MAX);
        login(fixture, ATTACKER, BOB, BOB_PASSWORD);

        assertThat(count("appPasswords.login.appPassword.accepted")).isEqualTo(1);
        assertThat(count("appPasswords.login.appPassword.refused")).isEqualTo(1);
        assertThat(count("appPasswords.login.primary.accepted")).isEqualTo(1);
        assertThat(count("appPasswords.login.primary.refused")).isEqualTo(ADDRESS_MAX);
        assertThat(count("appPasswords.login.primary.locked")).isEqualTo(1);
        assertThat(count("appPasswords.lockout.address")).isEqualTo(1);
    }

    @Test
    void aRefusedLoginShouldBeAuditedWithAddressProtocolAndMethodButNoSecret() throws Exception {
        login(fixture, ATTACKER, BOB, "Wrong-Secret-Value");
        login(fixture, null, BOB, fixture.createAppPassword(ALICE).reveal());

        assertThat(auditLines()).containsExactly(
            "app-passwords-audit event=login-refused user=bob@example.org address=203.0.113.7 protocol=IMAP method=primary",
            "app-passwords-audit event=login-refused user=bob@example.org address=- protocol=- method=app-password");
        assertThat(String.join("\n", auditLines())).doesNotContain("Wrong-Secret-Value");
    }

    @Test
    void anAcceptedLoginShouldWriteNoAuditLine() throws Exception {
        login(fixture, ATTACKER, BOB, BOB_PASSWORD);

        assertThat(auditLines()).isEmpty();
    }

    @Test
    void aLockoutShouldBeAuditedOnceWhenItStarts() throws Exception {
        fail(fixture, ATTACKER, BOB, ADDRESS_MAX + 3);

        List<String> lockouts = auditLines().stream().filter(line -> line.contains("event=lockout-started")).collect(Collectors.toList());
        assertThat(lockouts).containsExactly("app-passwords-audit event=lockout-started user=bob@example.org address=203.0.113.7"
            + " scope=address until=" + fixture.clock.instant().plus(ThrottleFixture.LOCKOUT));
    }

    @Test
    void aRecoveryCodeSpentInALoginShouldBeAudited() throws Exception {
        List<RecoveryCode> codes = fixture.enableTotp(ALICE);

        assertThat(login(fixture, ATTACKER, ALICE, ALICE_PASSWORD + "$" + codes.get(0).revealForDisplay())).isTrue();

        assertThat(auditLines()).containsExactly("app-passwords-audit event=recovery-code-used user=alice@example.org"
            + " address=203.0.113.7 protocol=IMAP");
    }

    @Test
    void theTotpLockoutShouldBeAuditedAndCountedWithoutAnEnd() throws Exception {
        LoginFixture lenient = ThrottleFixture.create(10_000, 10_000);
        fixture = lenient;
        lenient.enableTotp(ALICE);
        for (int i = 0; i < ThrottleFixture.SECOND_FACTOR_MAX; i++) {
            login(lenient, ATTACKER, ALICE, ALICE_PASSWORD + "$" + i + "z");
        }

        assertThat(auditLines()).contains("app-passwords-audit event=lockout-started user=alice@example.org address=203.0.113.7"
            + " scope=totp until=-");
        assertThat(count("appPasswords.lockout.totp")).isEqualTo(1);
    }

    @Test
    void aRefusalOnTheDraftJmapTokenEndpointShouldBeAuditedAndCounted() throws Exception {
        PrimaryPasswordOnlyUsersRepository tokenEndpoint = fixture.primaryPasswordOnly();
        org.slf4j.MDC.put("ip", ATTACKER);
        try {
            assertThat(tokenEndpoint.test(BOB, "Wrong-Secret-Value")).isFalse();
        } finally {
            org.slf4j.MDC.remove("ip");
        }

        assertThat(auditLines()).containsExactly(
            "app-passwords-audit event=login-refused user=bob@example.org address=203.0.113.7 protocol=- method=primary");
        assertThat(count("appPasswords.login.primary.refused")).isEqualTo(1);
    }

    @Test
    void aWrongCodeOnTheSelfServiceDisableCheckShouldBeAudited() throws Exception {
        fixture.enableTotp(ALICE);
        SelfServiceSignIn signIn = fixture.policy.selfServiceSignIn(fixture.james, PrimaryPasswordCheck.delegating());

        assertThat(signIn.spendSecondFactorCode(ALICE, "000000x")).isFalse();
        assertThat(signIn.primaryPasswordMatches(ALICE, "Wrong-Secret-Value")).isFalse();

        assertThat(auditLines()).containsExactly(
            "app-passwords-audit event=login-refused user=alice@example.org address=- protocol=- method=second-factor",
            "app-passwords-audit event=login-refused user=alice@example.org address=- protocol=- method=primary");
    }
}
