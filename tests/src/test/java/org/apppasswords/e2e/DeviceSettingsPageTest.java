package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.path.json.JsonPath;

/**
 * With {@code clients.*} set, the page shows beside a new app password the settings a mail
 * client asks for, in plain words; the create answer carries them as {@code settings}.
 */
class DeviceSettingsPageTest {
    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withProperties("appPasswords.requireSecondFactor=false\n"
        + "clients.imap=imap.example.com:993:tls\nclients.smtp=smtp.example.com:587:starttls\n");
    @RegisterExtension
    static HeadlessChromium chromium = new HeadlessChromium();

    @Test
    void aNewAppPasswordShouldComeWithTheServerSettings() throws Exception {
        String user = TotpUser.newUserName("settings");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        SelfServicePage page = new SelfServicePage(chromium.driver()).open(james.ports());
        page.signIn(user, TotpUser.PRIMARY_PASSWORD, null);
        page.noticeContaining("Signed in");

        page.type("create-label", "Phone");
        page.type("create-password", TotpUser.PRIMARY_PASSWORD);
        page.click("create-submit");
        SecretLeakDetector.register(page.copyTarget("created-copy"));

        String settings = page.text("created-settings-list");
        assertThat(settings).contains(user, "the app password above", "Incoming mail (IMAP)", "imap.example.com, port 993, SSL/TLS",
            "Outgoing mail (SMTP)", "smtp.example.com, port 587, STARTTLS");
        assertThat(settings).doesNotContain("POP3");
        chromium.screenshot("devices-01-settings", "created");
        page.click("created-done");
        assertThat(page.textContent("created-settings-list")).as("forgotten with the password").isEmpty();
    }

    @Test
    void theCreateAnswerShouldCarryTheSettings() throws Exception {
        String user = TotpUser.newUserName("settings-api");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        SelfServiceClient client = new SelfServiceClient(james.ports());
        String token = client.token(user, TotpUser.PRIMARY_PASSWORD);

        JsonPath created = client.createAppPassword(token, "Phone", TotpUser.PRIMARY_PASSWORD)
            .then().statusCode(201).extract().jsonPath();

        assertThat(created.getString("settings.username")).isEqualTo(user);
        assertThat(created.getString("settings.imap.host")).isEqualTo("imap.example.com");
        assertThat(created.getInt("settings.imap.port")).isEqualTo(993);
        assertThat(created.getString("settings.imap.security")).isEqualTo("tls");
        assertThat(created.getString("settings.smtp.security")).isEqualTo("starttls");
        assertThat(created.getMap("settings")).doesNotContainKeys("pop3", "managesieve", "jmap");
    }
}
