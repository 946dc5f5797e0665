package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.path.json.JsonPath;

/**
 * A revocation signs POP3, SMTP and ManageSieve sessions out as it does IMAP's: the server writes
 * its goodbye ({@code -ERR}, {@code 421}, {@code BYE}) and closes, within seconds; a connection that
 * has not logged in, or logged in with something else, stays.
 */
class RevocationSignsOutLineProtocolsTest {
    private static final Duration SIGN_OUT_WITHIN = Duration.ofSeconds(5);

    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withDefaults();

    @Test
    void revokingAnAppPasswordShouldSignOutItsPop3SessionOnly() throws Exception {
        TotpUser user = TotpUser.create(james, "signout-pop3");
        try (Session phone = Session.pop3(user.name, user.appPassword.password().reveal());
             Session laptop = Session.pop3(user.name, user.secondAppPassword.password().reveal())) {
            revoke(user, user.appPassword.password().id().asString());

            assertThat(phone.signedOutWithin("-ERR Signed out")).isLessThan(SIGN_OUT_WITHIN);
            assertThat(laptop.stillAnswers("NOOP", "+OK")).isTrue();
        }
    }

    @Test
    void revokingAnAppPasswordShouldSignOutItsSmtpSessionOnly() throws Exception {
        TotpUser user = TotpUser.create(james, "signout-smtp");
        try (Session script = Session.smtpAfterContinuation(user.name, user.appPassword.password().reveal());
             Session other = Session.smtpAfterContinuation(user.name, user.secondAppPassword.password().reveal())) {
            revoke(user, user.appPassword.password().id().asString());

            assertThat(script.signedOutWithin("421 4.7.0 Signed out")).isLessThan(SIGN_OUT_WITHIN);
            assertThat(other.stillAnswers("NOOP", "250")).isTrue();
        }
    }

    @Test
    void revokingAnAppPasswordShouldSignOutItsManageSieveSessionOnly() throws Exception {
        TotpUser user = TotpUser.create(james, "signout-sieve");
        try (Session filters = Session.manageSieve(user.name, user.appPassword.password().reveal());
             Session other = Session.manageSieve(user.name, user.secondAppPassword.password().reveal())) {
            revoke(user, user.appPassword.password().id().asString());

            assertThat(filters.signedOutWithin("BYE \"Signed out")).isLessThan(SIGN_OUT_WITHIN);
            assertThat(other.stillAnswers("NOOP", "OK")).isTrue();
        }
    }

    @Test
    void revokingAllShouldLeaveTheSessionsThatHaveNotLoggedIn() throws Exception {
        TotpUser user = TotpUser.create(james, "signout-notyet");
        try (Session loggedIn = Session.pop3(user.name, user.appPassword.password().reveal());
             Session onlyNamed = Session.pop3UserOnly(user.name);
             Session greeted = Session.smtpGreeted();
             Session sieveGreeted = Session.manageSieveGreeted()) {
            james.webAdmin().delete("/users/" + user.name + "/app-passwords").then().statusCode(204);

            assertThat(loggedIn.signedOutWithin("-ERR Signed out")).isLessThan(SIGN_OUT_WITHIN);
            assertThat(onlyNamed.stillAnswers("CAPA", "+OK")).isTrue();
            assertThat(greeted.stillAnswers("NOOP", "250")).isTrue();
            assertThat(sieveGreeted.stillAnswers("NOOP", "OK")).isTrue();
        }
    }

    @Test
    void anAdminShouldSeePop3SmtpAndManageSieveSessionsAndEndThemAll() throws Exception {
        TotpUser user = TotpUser.create(james, "signout-pop3-list");
        String path = "/users/" + user.name + "/connections";
        try (Session phone = Session.pop3(user.name, user.appPassword.password().reveal());
             Session script = Session.smtpInitialResponse(user.name, user.secondAppPassword.password().reveal());
             Session filters = Session.manageSieve(user.name, user.secondAppPassword.password().reveal())) {
            JsonPath listed = james.webAdmin().get(path).then().statusCode(200).extract().jsonPath();

            assertThat(listed.getList("protocol")).containsExactly("POP3", "SMTP", "MANAGE-SIEVE");
            assertThat(listed.getList("label")).containsExactly("Thunderbird", "iPhone Mail", "iPhone Mail");

            james.webAdmin().delete(path).then().statusCode(204);

            assertThat(phone.signedOutWithin("-ERR Signed out")).isLessThan(SIGN_OUT_WITHIN);
            assertThat(script.signedOutWithin("421 4.7.0 Signed out")).isLessThan(SIGN_OUT_WITHIN);
            assertThat(filters.signedOutWithin("BYE \"Signed out")).isLessThan(SIGN_OUT_WITHIN);
        }
    }

    private static void revoke(TotpUser user, String appPasswordId) {
        james.webAdmin().delete("/users/" + user.name + "/app-passwords/" + appPasswordId).then().statusCode(204);
    }

    /** A POP3 or SMTP session held open by a mail client or a script. */
    private static final class Session implements Closeable {
        private final LineConnection connection;

        private Session(LineConnection connection) {
            this.connection = connection;
        }

        static Session pop3(String user, String password) throws IOException {
            Session session = pop3UserOnly(user);
            session.connection.writeLine("PASS " + password);
            assertThat(session.connection.readLine()).startsWith("+OK");
            return session;
        }

        static Session pop3UserOnly(String user) throws IOException {
            LineConnection pop3 = new LineConnection(james.ports().pop3);
            assertThat(pop3.readLine()).startsWith("+OK");
            pop3.writeLine("USER " + user);
            assertThat(pop3.readLine()).startsWith("+OK");
            return new Session(pop3);
        }

        static Session smtpGreeted() throws IOException {
            LineConnection smtp = new LineConnection(james.ports().smtp);
            smtp.readUntil("220 ");
            smtp.writeLine("EHLO client.test");
            smtp.readUntil("250 ");
            return new Session(smtp);
        }

        static Session smtpAfterContinuation(String user, String password) throws IOException {
            Session session = smtpGreeted();
            session.connection.writeLine("AUTH PLAIN");
            session.connection.readUntil("334");
            session.connection.writeLine(LineConnection.saslPlain("", user, password));
            assertThat(session.connection.readLine()).startsWith("235");
            return session;
        }

        static Session smtpInitialResponse(String user, String password) throws IOException {
            Session session = smtpGreeted();
            session.connection.writeLine("AUTH PLAIN " + LineConnection.saslPlain("", user, password));
            assertThat(session.connection.readLine()).startsWith("235");
            return session;
        }

        static Session manageSieveGreeted() throws IOException {
            LineConnection sieve = new LineConnection(james.ports().manageSieve);
            sieve.readUntil("OK");
            return new Session(sieve);
        }

        static Session manageSieve(String user, String password) throws IOException {
            Session session = manageSieveGreeted();
            session.connection.writeLine("AUTHENTICATE \"PLAIN\" \"" + LineConnection.saslPlain("", user, password) + "\"");
            assertThat(session.connection.readLine()).startsWith("OK");
            return session;
        }

        /** How long until the server said {@code goodbye}, after which it must have closed the connection. */
        Duration signedOutWithin(String goodbye) throws IOException {
            long start = System.nanoTime();
            assertThat(connection.readLine()).startsWith(goodbye);
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertThatThrownBy(connection::readLine).as("the connection closed after the goodbye").isInstanceOf(IOException.class);
            return waited;
        }

        boolean stillAnswers(String command, String ok) throws IOException {
            connection.writeLine(command);
            return connection.readLine().startsWith(ok);
        }

        @Override
        public void close() throws IOException {
            connection.close();
        }
    }
}
