package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.apppasswords.audit.AuditLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * Which client address James 3.8.1 gives the login checks, per protocol, as the audit log's
 * {@code login-refused} line shows it: what the throttle keys its per-address counts on
 * (docs/throttling.md records the answer).
 */
class LoginOriginTest {
    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withDefaults();

    private static final ListAppender<ILoggingEvent> AUDIT = new ListAppender<>();

    @BeforeAll
    static void listen() {
        AUDIT.start();
        ((Logger) LoggerFactory.getLogger(AuditLog.LOGGER_NAME)).addAppender(AUDIT);
    }

    @AfterAll
    static void stopListening() {
        ((Logger) LoggerFactory.getLogger(AuditLog.LOGGER_NAME)).detachAppender(AUDIT);
    }

    @BeforeEach
    void clear() {
        AUDIT.list.clear();
    }

    private static String refusalOf(String user) {
        List<String> lines = AUDIT.list.stream()
            .map(ILoggingEvent::getFormattedMessage)
            .filter(line -> line.contains("event=login-refused user=" + user + " "))
            .collect(Collectors.toList());
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }

    private static String refusedLoginOver(Protocol protocol) throws Exception {
        String user = TotpUser.newUserName("origin");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        assertThat(protocol.login(james.ports(), user, "Wrong-Passw0rd")).isFalse();
        return refusalOf(user);
    }

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = {"IMAP_LOGIN", "POP3", "MANAGESIEVE"})
    void aRefusedLoginShouldCarryTheClientAddress(Protocol protocol) throws Exception {
        assertThat(refusedLoginOver(protocol)).contains(" address=127.0.0.1 ");
    }

    /**
     * James 3.8.1 checks a SASL response sent on a continuation line (after {@code AUTHENTICATE
     * PLAIN} or {@code AUTH PLAIN} alone), and JMAP requests, without its logging context.
     */
    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = {"SMTP_AUTH", "JMAP_BASIC"})
    void aRefusedLoginShouldCarryNoAddressWhereJamesGivesNone(Protocol protocol) throws Exception {
        assertThat(refusedLoginOver(protocol)).contains(" address=- protocol=- ");
    }

    @Test
    void aRefusedImapAuthenticateAnsweredAfterTheContinuationShouldCarryNoAddress() throws Exception {
        String user = TotpUser.newUserName("origin");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);

        assertThat(Protocol.imapAuthenticatePlainAfterContinuation(james.ports(), user, "Wrong-Passw0rd")).isFalse();

        assertThat(refusalOf(user)).contains(" address=- protocol=- ");
    }

    @Test
    void aRefusedSmtpAuthWithAnInitialResponseShouldCarryTheClientAddress() throws Exception {
        String user = TotpUser.newUserName("origin");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        Protocol.rememberSent("", user, "Wrong-Passw0rd");
        try (LineConnection smtp = new LineConnection(james.ports().smtp)) {
            smtp.readUntil("220 ");
            smtp.writeLine("EHLO client.test");
            smtp.readUntil("250 ");
            smtp.writeLine("AUTH PLAIN " + LineConnection.saslPlain("", user, "Wrong-Passw0rd"));
            assertThat(smtp.readUntil("535", "235")).startsWith("535");
        }

        assertThat(refusalOf(user)).contains(" address=127.0.0.1 protocol=SMTP ");
    }

    @Test
    void aRefusedImapAuthenticateWithAnInitialResponseShouldCarryTheClientAddress() throws Exception {
        String user = TotpUser.newUserName("origin");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        Protocol.rememberSent("", user, "Wrong-Passw0rd");
        try (LineConnection imap = new LineConnection(james.ports().imap)) {
            imap.readUntil("* OK");
            imap.writeLine("a1 AUTHENTICATE PLAIN " + LineConnection.saslPlain("", user, "Wrong-Passw0rd"));
            assertThat(imap.readUntil("a1 ")).startsWith("a1 NO");
        }

        assertThat(refusalOf(user)).contains(" address=127.0.0.1 protocol=IMAP ");
    }

    @Test
    void aRefusedSelfServiceSignInShouldCarryTheClientAddress() throws Exception {
        String user = TotpUser.newUserName("origin");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);

        assertThat(new SelfServiceClient(james.ports()).signIn(user, "Wrong-Passw0rd").statusCode()).isEqualTo(401);

        assertThat(refusalOf(user)).contains(" address=127.0.0.1 protocol=SELF-SERVICE method=primary");
    }
}
