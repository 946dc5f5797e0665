package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.apache.commons.net.smtp.AuthenticatingSMTPClient;
import org.apache.commons.net.smtp.SMTPReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With {@code notifications.enabled=false} no notice is mailed: a mail sent after every action is the only one delivered. */
class SecurityNoticesOffTest {
    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withProperties("notifications.enabled=false\n");

    @Test
    void noNoticeShouldBeMailedWhenNotificationsAreOff() throws Exception {
        TotpUser user = TotpUser.create(james, "unnoticed");
        SelfServiceClient client = new SelfServiceClient(james.ports());
        String token = client.token(user.name, user.primaryWithCode(user.recoveryCodes.get(0).reveal()));
        client.createAppPassword(token, "Laptop", TotpUser.PRIMARY_PASSWORD).then().statusCode(201);
        ImapFrom.login(james.ports(), "127.0.0.2", user.name, user.appPassword.password().reveal());
        james.webAdmin().delete("/users/" + user.name + "/second-factor").then().statusCode(204);

        sendMail(user.name, "After every action");

        List<ImapInbox.Mail> inbox = await().atMost(Duration.ofSeconds(10))
            .until(() -> ImapInbox.read(james.ports(), user.name, user.secondAppPassword.password().reveal()), mails -> !mails.isEmpty());
        assertThat(inbox).extracting(mail -> mail.subject).containsExactly("After every action");
    }

    private static void sendMail(String to, String subject) throws Exception {
        String sender = "sender@" + JamesWithAppPasswords.DOMAIN;
        String password = "Sender-Passw0rd";
        james.data().addUser(sender, password);
        Protocol.rememberSent("", sender, password);
        AuthenticatingSMTPClient smtp = new AuthenticatingSMTPClient();
        smtp.connect(Protocol.LOOPBACK, james.ports().smtp);
        try {
            assertThat(smtp.elogin("sender.local")).isTrue();
            assertThat(smtp.auth(AuthenticatingSMTPClient.AUTH_METHOD.PLAIN, sender, password)).isTrue();
            assertThat(smtp.setSender(sender)).isTrue();
            assertThat(smtp.addRecipient(to)).isTrue();
            assertThat(smtp.sendShortMessageData("Subject: " + subject + "\r\n\r\nA mail sent after the actions.\r\n")).isTrue();
            assertThat(SMTPReply.isPositiveCompletion(smtp.getReplyCode())).isTrue();
        } finally {
            smtp.disconnect();
        }
    }
}
