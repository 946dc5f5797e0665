package org.apppasswords.login;

import static org.apppasswords.login.LoginFixture.ALICE;
import static org.apppasswords.login.LoginFixture.ALICE_PASSWORD;
import static org.apppasswords.login.LoginFixture.ATTACKER;
import static org.apppasswords.login.LoginFixture.BOB;
import static org.apppasswords.login.LoginFixture.BOB_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.apppassword.StoredAppPassword;
import org.apppasswords.audit.AuditCapture;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.store.StoreUnavailableException;
import org.apppasswords.totp.RecoveryCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * What a verdict causes besides the answer ({@link LoginObserver}): one audit line per refusal,
 * naming the path and where the attempt came from; a line when a recovery code is spent and when a
 * lockout starts (the TOTP codes' included); the metrics of protocol and token logins; the last use
 * of an app password with the protocol it came over; the outage log. Read through James's
 * RecordingMetricFactory and log appenders.
 */
class LoginObservabilityTest {
    private static final int ADDRESS_MAX = 3;
    private static final int MAX_WRONG_CODES = 3;
    private static final LoginOrigin IMAP_FROM_ATTACKER = LoginFixture.from(ATTACKER, "IMAP");

    private final AtomicBoolean appPasswordsDown = new AtomicBoolean();
    private AuditCapture audit;
    private LoginFixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        fixture = LoginFixture.builder()
            .throttle(LoginFixture.throttle(ADDRESS_MAX, 10_000, 10_000, MAX_WRONG_CODES))
            .appPasswords(this::failingWhenDown)
            .build();
        audit = new AuditCapture();
    }

    @AfterEach
    void tearDown() {
        audit.close();
        fixture.close();
    }

    /** The login events: management events (app password created, TOTP enabled) have tests of their own. */
    private List<String> loginLines() {
        return audit.lines().stream()
            .filter(line -> line.contains("event=login-refused") || line.contains("event=lockout-started")
                || line.contains("event=recovery-code-used"))
            .collect(Collectors.toList());
    }

    private int count(String metric) {
        return fixture.metrics.countFor(metric);
    }

    @Test
    void everyProtocolLoginShouldBeCountedByMethodAndOutcome() throws Exception {
        AppPassword appPassword = fixture.createAppPassword(BOB);
        fixture.loginFrom(ATTACKER, BOB, appPassword.reveal());
        fixture.loginFrom(ATTACKER, ALICE, appPassword.reveal());
        fixture.loginFrom(ATTACKER, BOB, BOB_PASSWORD);
        for (int i = 0; i < ADDRESS_MAX; i++) {
            fixture.loginFrom(ATTACKER, BOB, "wrong-" + i);
        }
        fixture.loginFrom(ATTACKER, BOB, BOB_PASSWORD);

        assertThat(count("appPasswords.login.appPassword.accepted")).isEqualTo(1);
        assertThat(count("appPasswords.login.appPassword.refused")).isEqualTo(1);
        assertThat(count("appPasswords.login.primary.accepted")).isEqualTo(1);
        assertThat(count("appPasswords.login.primary.refused")).isEqualTo(ADDRESS_MAX);
        assertThat(count("appPasswords.login.primary.locked")).isEqualTo(1);
        assertThat(count("appPasswords.lockout.address")).isEqualTo(1);
    }

    @Test
    void tokenEntranceLoginsShouldBeCounted() throws Exception {
        LoginFixture.loginFrom(fixture.tokenEndpoint, ATTACKER, "JMAP", BOB, "Wrong-Secret-Value");
        LoginFixture.loginFrom(fixture.tokenEndpoint, ATTACKER, "JMAP", BOB, BOB_PASSWORD);

        assertThat(count("appPasswords.login.primary.refused")).isEqualTo(1);
        assertThat(count("appPasswords.login.primary.accepted")).isEqualTo(1);
    }

    @Test
    void selfServiceChecksShouldNotBeCountedAsLogins() {
        fixture.enableTotp(ALICE);
        AppPassword appPassword = fixture.createAppPassword(ALICE);
        for (Entrance entrance : new Entrance[] {Entrance.SIGN_IN, Entrance.STEP_UP, Entrance.CODE}) {
            fixture.check(entrance, ALICE, ALICE_PASSWORD + "$" + fixture.freshCode());
            fixture.check(entrance, ALICE, ALICE_PASSWORD);
            fixture.check(entrance, ALICE, fixture.freshCode());
            fixture.check(entrance, ALICE, "wrong");
            fixture.check(entrance, ALICE, appPassword.reveal());
        }

        for (String method : new String[] {"appPassword", "primary"}) {
            for (String outcome : new String[] {"accepted", "refused", "locked"}) {
                assertThat(count("appPasswords.login." + method + "." + outcome)).as(method + "." + outcome).isZero();
            }
        }
    }

    @Test
    void aRefusalShouldBeAuditedWithMethodAddressAndProtocolButNoSecret() throws Exception {
        fixture.enableTotp(ALICE);
        fixture.loginFrom(ATTACKER, BOB, "Wrong-Secret-Value");
        fixture.login(BOB, fixture.createAppPassword(ALICE).reveal());
        fixture.check(Entrance.CODE, ALICE, "999999x", LoginFixture.from("192.0.2.9", "HTTP"));

        assertThat(loginLines()).containsExactly(
            "app-passwords-audit event=login-refused user=bob@example.org address=203.0.113.7 protocol=IMAP method=primary",
            "app-passwords-audit event=login-refused user=bob@example.org address=- protocol=- method=app-password",
            "app-passwords-audit event=login-refused user=alice@example.org address=192.0.2.9 protocol=HTTP method=second-factor");
        assertThat(String.join("\n", audit.lines())).doesNotContain("Wrong-Secret-Value").doesNotContain("999999x");
    }

    @Test
    void everyEntrancesRefusalShouldBeAuditedOnce() {
        for (Entrance entrance : Entrance.values()) {
            fixture.check(entrance, BOB, "Wrong-Secret-Value", IMAP_FROM_ATTACKER);
        }

        assertThat(loginLines()).hasSize(Entrance.values().length)
            .allSatisfy(line -> assertThat(line).startsWith(
                "app-passwords-audit event=login-refused user=bob@example.org address=203.0.113.7 protocol=IMAP method="));
    }

    @Test
    void anAcceptedLoginShouldWriteNoAuditLine() throws Exception {
        fixture.loginFrom(ATTACKER, BOB, BOB_PASSWORD);
        fixture.loginFrom(ATTACKER, BOB, fixture.createAppPassword(BOB).reveal());

        assertThat(loginLines()).isEmpty();
    }

    @Test
    void aLockoutShouldBeAuditedOnceWhenItStartsAndEachLockedAttemptAsARefusal() throws Exception {
        for (int i = 0; i < ADDRESS_MAX + 3; i++) {
            fixture.loginFrom(ATTACKER, BOB, "wrong-" + i);
        }

        assertThat(loginLines().stream().filter(line -> line.contains("event=lockout-started")))
            .containsExactly("app-passwords-audit event=lockout-started user=bob@example.org address=203.0.113.7 scope=address until="
                + fixture.clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(loginLines().stream().filter(line -> line.contains("event=login-refused"))).hasSize(ADDRESS_MAX + 3);
    }

    @Test
    void aRecoveryCodeSpentInALoginShouldBeAudited() throws Exception {
        List<RecoveryCode> codes = fixture.enableTotp(ALICE);

        assertThat(fixture.loginFrom(ATTACKER, ALICE, ALICE_PASSWORD + "$" + codes.get(0).revealForDisplay())).isTrue();

        assertThat(loginLines()).containsExactly("app-passwords-audit event=recovery-code-used user=alice@example.org"
            + " address=203.0.113.7 protocol=IMAP");
    }

    @Test
    void theWrongCodeThatLocksTheCodesShouldBeAuditedAndCountedAsATotpLockout() throws Exception {
        fixture.enableTotp(ALICE);
        // From as many addresses, so that no address is locked out: only the codes are.
        for (int i = 0; i < MAX_WRONG_CODES + 2; i++) {
            fixture.loginFrom("192.0.2." + i, ALICE, ALICE_PASSWORD + "$" + fixture.wrongCode(i));
        }

        assertThat(loginLines().stream().filter(line -> line.contains("event=lockout-started")))
            .containsExactly("app-passwords-audit event=lockout-started user=alice@example.org address=192.0.2." + (MAX_WRONG_CODES - 1)
                + " scope=totp until=-");
        assertThat(count("appPasswords.lockout.totp")).isEqualTo(1);
    }

    @Test
    void theLastUseShouldBeRecordedWithTheProtocolOfTheOrigin() throws Exception {
        AppPassword imap = fixture.createAppPassword(BOB);
        AppPassword jmap = fixture.createAppPassword(BOB);
        AppPassword unnamed = fixture.createAppPassword(BOB);

        assertThat(fixture.loginFrom(ATTACKER, BOB, imap.reveal())).isTrue();
        assertThat(fixture.check(Entrance.PROTOCOL, BOB, jmap.reveal(), LoginFixture.from(ATTACKER, "JMAP")).accepted()).isTrue();
        assertThat(fixture.login(BOB, unnamed.reveal())).isTrue();
        fixture.logins.lastUses.flush();

        assertThat(stored(imap).lastUsedProtocol()).contains("IMAP");
        assertThat(stored(jmap).lastUsedProtocol()).contains("JMAP");
        assertThat(stored(unnamed).lastUsedProtocol()).isEmpty();
        assertThat(stored(unnamed).lastUsedAt()).contains(LoginFixture.START);
    }

    @Test
    void aRefusedAppPasswordShouldRecordNoUse() throws Exception {
        AppPassword bobs = fixture.createAppPassword(BOB);

        fixture.loginFrom(ATTACKER, ALICE, bobs.reveal());
        fixture.logins.lastUses.flush();

        assertThat(stored(bobs).lastUsedAt()).isEmpty();
    }

    @Test
    void aStoreOutageShouldBeLoggedRefusedAndCountedThenItsEnd() throws Exception {
        AppPassword bobs = fixture.createAppPassword(BOB);
        ListAppender<ILoggingEvent> outageLog = new ListAppender<>();
        outageLog.start();
        Logger logger = (Logger) LoggerFactory.getLogger(StoreOutageLog.class);
        logger.addAppender(outageLog);
        try {
            appPasswordsDown.set(true);
            Verdict refused = fixture.check(Entrance.PROTOCOL, BOB, bobs.reveal(), IMAP_FROM_ATTACKER);
            appPasswordsDown.set(false);
            Verdict accepted = fixture.check(Entrance.PROTOCOL, BOB, bobs.reveal(), IMAP_FROM_ATTACKER);

            assertThat(refused.outcome()).isEqualTo(Verdict.Outcome.UNAVAILABLE);
            assertThat(accepted.accepted()).isTrue();
            assertThat(outageLog.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.ERROR, Level.WARN);
            assertThat(outageLog.list.get(0).getFormattedMessage()).contains("fail closed").contains("test outage");
            assertThat(count("appPasswords.login.appPassword.refused")).isEqualTo(1);
            assertThat(loginLines()).containsExactly(
                "app-passwords-audit event=login-refused user=bob@example.org address=203.0.113.7 protocol=IMAP method=app-password");
        } finally {
            logger.detachAppender(outageLog);
        }
    }

    @Test
    void aRefusalThatReachedNoStoreShouldNotSayTheStoreIsBack() throws Exception {
        AppPassword bobs = fixture.createAppPassword(BOB);
        ListAppender<ILoggingEvent> outageLog = new ListAppender<>();
        outageLog.start();
        Logger logger = (Logger) LoggerFactory.getLogger(StoreOutageLog.class);
        logger.addAppender(outageLog);
        try {
            appPasswordsDown.set(true);
            fixture.check(Entrance.PROTOCOL, BOB, bobs.reveal(), IMAP_FROM_ATTACKER);
            // Refused by their shape alone: neither reaches a store.
            fixture.check(Entrance.SIGN_IN, BOB, bobs.reveal(), IMAP_FROM_ATTACKER);
            fixture.check(Entrance.PROTOCOL, BOB, "", IMAP_FROM_ATTACKER);
            fixture.check(Entrance.PROTOCOL, BOB, bobs.reveal(), IMAP_FROM_ATTACKER);

            assertThat(outageLog.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.ERROR);
        } finally {
            logger.detachAppender(outageLog);
        }
    }

    private StoredAppPassword stored(AppPassword password) {
        return fixture.appPasswords().find(BOB, password.id()).orElseThrow();
    }

    private AppPasswordStore failingWhenDown(AppPasswordStore store) {
        return (AppPasswordStore) Proxy.newProxyInstance(AppPasswordStore.class.getClassLoader(), new Class<?>[] {AppPasswordStore.class},
            (proxy, method, args) -> {
                if (appPasswordsDown.get()) {
                    throw new StoreUnavailableException("App passwords store: test outage", null);
                }
                try {
                    return method.invoke(store, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    }
}
