package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Scoped app passwords through a real James: one limited to SMTP sends mail and opens nothing
 * else, one limited to reading reads and sends nothing, an unscoped one works everywhere; a refusal
 * out of scope is any wrong password's (no last use, an audit line naming the protocol).
 */
class ScopedAppPasswordsTest {
    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withDefaults();

    @RegisterExtension
    static AuditLines audit = new AuditLines();

    @Test
    void anSmtpOnlyAppPasswordShouldSendMailAndOpenNothingElse() throws Exception {
        TotpUser sender = TotpUser.create(james, "scope-sender");
        TotpUser recipient = TotpUser.create(james, "scope-recipient");
        Created scanner = create(sender, "Scanner", List.of("smtp"));
        assertThat(scanner.answer.jsonPath().getList("protocols")).containsExactly("smtp");

        sendMail(sender.name, scanner.password, recipient.name, "Scanned document");

        await().atMost(Duration.ofSeconds(10)).until(() -> inboxSubjects(recipient).contains("Scanned document"));
        for (LoginPath path : List.of(LoginPath.IMAP_LOGIN, LoginPath.IMAP_AUTHENTICATE_PLAIN_AFTER_CONTINUATION, LoginPath.POP3,
                LoginPath.JMAP_BASIC, LoginPath.MANAGESIEVE)) {
            assertThat(path.login(james.ports(), sender.name, scanner.password)).as(path.name()).isFalse();
        }
    }

    @Test
    void aReadingAppPasswordShouldReadMailAndSendNone() throws Exception {
        TotpUser user = TotpUser.create(james, "scope-reader");
        Created reader = create(user, "Reader", List.of("imap", "jmap"));

        assertThat(LoginPath.IMAP_LOGIN.login(james.ports(), user.name, reader.password)).isTrue();
        assertThat(LoginPath.JMAP_BASIC.login(james.ports(), user.name, reader.password)).isTrue();
        assertThat(LoginPath.SMTP_AUTH_PLAIN_INITIAL_RESPONSE.login(james.ports(), user.name, reader.password)).isFalse();
        assertThat(LoginPath.POP3.login(james.ports(), user.name, reader.password)).isFalse();
    }

    @Test
    void anUnscopedAppPasswordShouldStillWorkEverywhere() throws Exception {
        TotpUser user = TotpUser.create(james, "scope-none");
        Created everything = create(user, "Laptop", null);
        assertThat(everything.answer.jsonPath().getList("protocols")).containsExactly("imap", "pop3", "smtp", "jmap", "managesieve");

        for (LoginPath path : List.of(LoginPath.IMAP_LOGIN, LoginPath.POP3, LoginPath.SMTP_AUTH_PLAIN_AFTER_CONTINUATION,
                LoginPath.JMAP_BASIC, LoginPath.MANAGESIEVE)) {
            assertThat(path.login(james.ports(), user.name, everything.password)).as(path.name()).isTrue();
        }
    }

    @Test
    void aRefusalOutOfScopeShouldLeaveNoLastUseAndAnAuditLineNamingTheProtocol() throws Exception {
        TotpUser user = TotpUser.create(james, "scope-audit");
        Created scanner = create(user, "Scanner", List.of("smtp"));

        assertThat(LoginPath.IMAP_LOGIN.login(james.ports(), user.name, scanner.password)).isFalse();
        james.appPasswords().flushLastUses();

        JsonPath list = james.webAdmin().get("/users/" + user.name + "/app-passwords").jsonPath();
        assertThat(list.getString("find { it.label == 'Scanner' }.lastUsedAt")).isNull();
        assertThat(list.getList("find { it.label == 'Scanner' }.protocols")).containsExactly("smtp");
        assertThat(audit.of("login-refused", user.name)).singleElement().asString().contains(" protocol=IMAP method=app-password");
    }

    @Test
    void protocolsOtherThanANonEmptyListOfKnownNamesShouldBeRefusedNamingTheField() throws Exception {
        TotpUser user = TotpUser.create(james, "scope-bad");
        SelfServiceClient client = new SelfServiceClient(james.ports());
        String token = client.token(user.name, user.primaryWithCurrentCode());

        for (Object protocols : List.of(List.of(), List.of("smtp", "IMAP"), List.of("carrier-pigeon"), "smtp", List.of(1))) {
            Response refused = client.createAppPassword(token, "Bad", TotpUser.PRIMARY_PASSWORD, protocols);
            assertThat(refused.statusCode()).as(protocols.toString()).isEqualTo(400);
            assertThat(refused.jsonPath().getString("message")).as(protocols.toString()).contains("'protocols'");
        }
        assertThat(client.listAppPasswords(token).jsonPath().getList("label")).doesNotContain("Bad");
    }

    private static Created create(TotpUser user, String label, List<String> protocols) {
        SelfServiceClient client = new SelfServiceClient(james.ports());
        String token = client.token(user.name, user.primaryWithCurrentCode());
        Response answer = protocols == null ? client.createAppPassword(token, label, TotpUser.PRIMARY_PASSWORD)
            : client.createAppPassword(token, label, TotpUser.PRIMARY_PASSWORD, protocols);
        assertThat(answer.statusCode()).isEqualTo(201);
        return new Created(answer);
    }

    private static void sendMail(String from, String password, String to, String subject) throws IOException {
        try (LineConnection smtp = new LineConnection(james.ports().smtp)) {
            smtp.readUntil("220 ");
            smtp.writeLine("EHLO scanner.test");
            smtp.readUntil("250 ");
            smtp.writeLine("AUTH PLAIN " + LineConnection.saslPlain("", from, password));
            assertThat(smtp.readLine()).startsWith("235");
            smtp.writeLine("MAIL FROM:<" + from + ">");
            assertThat(smtp.readLine()).startsWith("250");
            smtp.writeLine("RCPT TO:<" + to + ">");
            assertThat(smtp.readLine()).startsWith("250");
            smtp.writeLine("DATA");
            assertThat(smtp.readLine()).startsWith("354");
            smtp.writeLine("From: <" + from + ">");
            smtp.writeLine("To: <" + to + ">");
            smtp.writeLine("Subject: " + subject);
            smtp.writeLine("");
            smtp.writeLine("Page 1 of 1.");
            smtp.writeLine(".");
            assertThat(smtp.readLine()).startsWith("250");
            smtp.writeLine("QUIT");
        }
    }

    private static List<String> inboxSubjects(TotpUser user) throws IOException {
        try (LineConnection imap = new LineConnection(james.ports().imap)) {
            imap.readLine();
            imap.writeLine("a1 LOGIN \"" + user.name + "\" \"" + user.appPassword.password().reveal() + "\"");
            assertThat(imap.readUntil("a1 ")).startsWith("a1 OK");
            imap.writeLine("a2 SELECT INBOX");
            imap.readUntil("a2 ");
            imap.writeLine("a3 FETCH 1:* (BODY.PEEK[HEADER.FIELDS (SUBJECT)])");
            List<String> lines = new ArrayList<>();
            for (String line = imap.readLine(); !line.startsWith("a3 "); line = imap.readLine()) {
                lines.add(line);
            }
            return lines.stream().filter(line -> line.startsWith("Subject: ")).map(line -> line.substring("Subject: ".length()))
                .collect(Collectors.toList());
        }
    }

    /** An app password created through the self-service API: the answer and the password it showed once. */
    private static final class Created {
        final Response answer;
        final String password;

        Created(Response answer) {
            this.answer = answer;
            this.password = answer.jsonPath().getString("password");
        }
    }
}
