package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.james.core.Username;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * Security notices mailed by James's own pipeline: after each change to a user's account security,
 * an IMAP client of that user finds the notice in INBOX, with what happened and never a secret;
 * {@code notifications.bcc} receives a copy of each.
 */
class SecurityNoticesTest {
    private static final String SECURITY_TEAM = "security@" + JamesWithAppPasswords.DOMAIN;
    private static final String SECURITY_TEAM_PASSWORD = "Security-Team-Passw0rd";
    private static final Duration DELIVERY = Duration.ofSeconds(10);

    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withProperties("notifications.bcc=" + SECURITY_TEAM + "\n"
        + "throttle.secondFactor.maxFailures=3\n"
        + "clients.imap=mail.demo.local:993:tls\nclients.smtp=mail.demo.local:465:tls\nclients.jmap=https://mail.demo.local/jmap/session\n");

    @BeforeAll
    static void addSecurityTeam() throws Exception {
        james.data().addUser(SECURITY_TEAM, SECURITY_TEAM_PASSWORD);
    }

    @Test
    void aUserShouldHearOfTheirSecondFactorAndOfEachNewAppPasswordWithoutAnySecret() throws Exception {
        TotpUser user = TotpUser.create(james, "noticed");
        SelfServiceClient client = new SelfServiceClient(james.ports());
        String token = client.token(user.name, user.primaryWithCode(user.recoveryCodes.get(0).reveal()));
        String created = client.createAppPassword(token, "Work <laptop>", TotpUser.PRIMARY_PASSWORD).then().statusCode(201)
            .extract().jsonPath().getString("password");
        client.disable(token, user.recoveryCodes.get(1).reveal()).then().statusCode(204);

        List<ImapInbox.Mail> inbox = awaitSubjects(user.name, created, "Two-step verification was turned on",
            "A recovery code was used to sign in", "New app password: Work <laptop>", "Two-step verification was turned off");

        ImapInbox.Mail creation = withSubject(inbox, "New app password: Work <laptop>");
        assertThat(creation.plainText).contains("Work <laptop>", "From address: 127.0.0.1", "https://mail.demo.local/app-passwords-api/ui/");
        assertThat(pageAt(linkIn(creation.plainText)).statusCode()).as("the notice's link opens the page").isEqualTo(200);
        assertThat(creation.html).contains("Work &lt;laptop&gt;").doesNotContain("<laptop>");
        assertThat(withSubject(inbox, "A recovery code was used to sign in").plainText).contains("Recovery codes left: 9");
        assertThat(inbox).allSatisfy(mail -> {
            assertThat(mail.source).doesNotContain(created, created.replace("-", ""));
            assertThat(SecretLeakDetector.containsSecret(mail.source)).as("a secret in the notice %s", mail.subject).isFalse();
            assertThat(mail.source).contains("Auto-Submitted: auto-generated");
        });
        // Its own copy of each notice, delivered to its mailbox apart from the user's.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(subjects(ImapInbox.read(james.ports(), SECURITY_TEAM,
            SECURITY_TEAM_PASSWORD))).contains("New app password: Work <laptop>", "Two-step verification was turned off"));
    }

    @Test
    void anAdminsResetAndRevocationShouldBeToldToTheUser() throws Exception {
        TotpUser user = TotpUser.create(james, "reset");
        james.webAdmin().delete("/users/" + user.name + "/second-factor").then().statusCode(204);
        james.webAdmin().delete("/users/" + user.name + "/app-passwords/" + user.appPassword.entry().id().asString()).then().statusCode(204);

        awaitSubjects(user.name, user.secondAppPassword.password().reveal(), "Two-step verification was reset by an administrator",
            "App password revoked by an administrator: Thunderbird");
    }

    @Test
    void aPasswordChangeShouldBeToldWithTheAppPasswordsItRevoked() throws Exception {
        TotpUser user = TotpUser.create(james, "changed");
        String newPassword = "Changed-Passw0rd-" + System.nanoTime();
        SecretLeakDetector.register(newPassword);
        james.webAdmin().contentType("application/json").body(Map.of("password", newPassword))
            .put("/users/" + user.name + "?force").then().statusCode(204);
        String reader = TotpUser.mint(james, Username.of(user.name), "Reader").password().reveal();

        List<ImapInbox.Mail> inbox = awaitSubjects(user.name, reader, "Your password was changed");
        assertThat(withSubject(inbox, "Your password was changed").plainText).contains("2 revoked");
    }

    @Test
    void lockedCodesShouldBeToldToTheUser() throws Exception {
        TotpUser user = TotpUser.create(james, "locked");
        long step = TotpUser.currentStep();
        for (String wrong : List.of("000000", "111111", "222222")) {
            String code = wrong.equals(user.codeForStep(step)) ? "333333" : wrong;
            assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, user.primaryWithCode(code))).isFalse();
        }

        awaitSubjects(user.name, user.appPassword.password().reveal(), "Two-step verification codes locked after wrong codes");
    }

    @Test
    void eachNewAddressOfAnAppPasswordShouldBeToldExactlyOnce() throws Exception {
        TotpUser user = TotpUser.create(james, "traveller");
        String password = user.appPassword.password().reveal();
        List<Thread> logins = List.of(1, 2, 3, 4).stream()
            .map(i -> new Thread(() -> {
                try {
                    ImapFrom.login(james.ports(), "127.0.0.2", user.name, password);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }))
            .collect(Collectors.toList());
        logins.forEach(Thread::start);
        for (Thread login : logins) {
            login.join();
        }

        // Read from 127.0.0.3 with the other app password, which this test never used from 127.0.0.2.
        String reader = user.secondAppPassword.password().reveal();
        String subject = "App password \"Thunderbird\" used from a new address";
        await().atMost(DELIVERY).until(() -> count(ImapInbox.read(james.ports(), "127.0.0.3", user.name, reader), subject) == 1);
        await().during(Duration.ofSeconds(2)).atMost(DELIVERY)
            .until(() -> count(ImapInbox.read(james.ports(), "127.0.0.3", user.name, reader), subject) == 1);
        ImapFrom.login(james.ports(), "127.0.0.4", user.name, password);
        await().atMost(DELIVERY).until(() -> count(ImapInbox.read(james.ports(), "127.0.0.3", user.name, reader), subject) == 2);
        assertThat(ImapInbox.read(james.ports(), "127.0.0.3", user.name, reader).stream()
            .filter(mail -> mail.subject.equals(subject)).map(mail -> mail.plainText).collect(Collectors.joining()))
            .contains("From address: 127.0.0.2", "From address: 127.0.0.4");
    }

    private static List<ImapInbox.Mail> awaitSubjects(String user, String password, String... expected) {
        return await().atMost(DELIVERY).until(() -> ImapInbox.read(james.ports(), user, password),
            mails -> subjects(mails).containsAll(List.of(expected)));
    }

    /** The link of a notice's plain text: "Your app passwords page: URL". */
    private static URI linkIn(String plainText) {
        Matcher link = Pattern.compile("Your app passwords page: (\\S+)").matcher(plainText);
        assertThat(link.find()).as("a link in %s", plainText).isTrue();
        return URI.create(link.group(1));
    }

    /** What this James answers at the link's path: the link names the public origin, which is this James's JMAP port. */
    private static Response pageAt(URI link) {
        return RestAssured.given().redirects().follow(false).get("http://" + Protocol.LOOPBACK + ":" + james.ports().jmap + link.getPath());
    }

    private static List<String> subjects(List<ImapInbox.Mail> mails) {
        return mails.stream().map(mail -> mail.subject).collect(Collectors.toList());
    }

    private static ImapInbox.Mail withSubject(List<ImapInbox.Mail> mails, String subject) {
        return mails.stream().filter(mail -> mail.subject.equals(subject)).findFirst().orElseThrow();
    }

    private static long count(List<ImapInbox.Mail> mails, String subject) {
        return mails.stream().filter(mail -> mail.subject.equals(subject)).count();
    }
}
