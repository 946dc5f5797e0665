package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * With {@code clients.*} set, the page offers a device setup when creating an app password: for an
 * iPhone, iPad or Mac a one-time link to a configuration profile, for Thunderbird for Android a QR
 * code, for any other client the settings it asks for in plain words; the create answer carries
 * the settings as {@code settings}. Without {@code clients.*} the page offers no choice.
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
        assertThat(page.isShown("created-apple")).as("Other: the settings only").isFalse();
        assertThat(page.isShown("created-thunderbird-android")).isFalse();
        chromium.screenshot("devices-01-settings", "created");
        page.click("created-done");
        assertThat(page.textContent("created-settings-list")).as("forgotten with the password").isEmpty();
    }

    private static SelfServicePage signedInPage(String user) throws Exception {
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        SelfServicePage page = new SelfServicePage(chromium.driver()).open(james.ports());
        page.signIn(user, TotpUser.PRIMARY_PASSWORD, null);
        page.noticeContaining("Signed in");
        return page;
    }

    private static String createFor(SelfServicePage page, String label, String choice) {
        page.visible("create-device");
        page.type("create-label", label);
        page.click(choice);
        page.type("create-password", TotpUser.PRIMARY_PASSWORD);
        page.click("create-submit");
        String password = page.copyTarget("created-copy");
        SecretLeakDetector.register(password);
        SecretLeakDetector.register(password.replace("-", ""));
        return password;
    }

    @Test
    void theChooserShouldOfferTheThreeDevices() throws Exception {
        SelfServicePage page = signedInPage(TotpUser.newUserName("chooser"));

        assertThat(page.text("create-device")).contains("iPhone, iPad or Mac", "Thunderbird for Android", "Other");
        assertThat(page.isChecked("device-other")).as("the default").isTrue();
        page.type("create-label", "iPhone");
        page.click("device-apple");
        chromium.screenshot("devices-02-chooser", "create-device");
    }

    @Test
    void anIphoneShouldGetALinkToAProfileWithTheNewPassword() throws Exception {
        String user = TotpUser.newUserName("pageapple");
        SelfServicePage page = signedInPage(user);

        String password = createFor(page, "iPhone", "device-apple");

        page.visible("created-apple");
        assertThat(page.isShown("created-thunderbird-android")).isFalse();
        String link = page.visible("created-profile-link").getAttribute("href");
        SecretLeakDetector.register(link.substring(link.lastIndexOf('/') + 1));
        chromium.screenshot("devices-03-apple", "created");
        Response profile = RestAssured.given().urlEncodingEnabled(false).get(link);
        assertThat(profile.statusCode()).isEqualTo(200);
        assertThat(profile.asString()).contains("<string>" + password.replace("-", "") + "</string>", "<string>" + user + "</string>");
        assertThat(RestAssured.given().urlEncodingEnabled(false).get(link).statusCode()).isEqualTo(410);
        page.click("created-done");
        assertThat(page.isShown("created-apple")).isFalse();
        assertThat(page.visible("create-label").isDisplayed()).isTrue();
        assertThat(chromium.driver().findElement(org.openqa.selenium.By.id("created-profile-link")).getAttribute("href")).as("forgotten")
            .doesNotContain(link.substring(link.lastIndexOf('/') + 1));
    }

    @Test
    void thunderbirdForAndroidShouldGetAQrCodeOfTheNewPassword() throws Exception {
        String user = TotpUser.newUserName("pageandroid");
        SelfServicePage page = signedInPage(user);

        String password = createFor(page, "Android phone", "device-thunderbird-android");

        page.visible("created-thunderbird-android");
        assertThat(page.isShown("created-apple")).isFalse();
        String source = page.visible("created-qr").getAttribute("src");
        assertThat(source).startsWith("data:image/png;base64,");
        String payload = QrCodes.decode(Base64.getDecoder().decode(source.substring("data:image/png;base64,".length())));
        assertThat(payload).startsWith("[1,[1,1],[0,\"imap.example.com\",993,3,1,\"" + user + "\",\"Android phone\",\"" + password.replace("-", "") + "\"]");
        chromium.screenshot("devices-04-thunderbird-android", "created");
        page.click("created-done");
        assertThat(page.isShown("created-thunderbird-android")).isFalse();
        assertThat(page.textContent("created-password")).isEmpty();
        assertThat(chromium.driver().findElement(org.openqa.selenium.By.id("created-qr")).getAttribute("src")).as("forgotten").isNullOrEmpty();
    }

    /**
     * A shared computer: what one user set up is gone at sign-out (the one-time link, the QR code
     * holding the password, the settings naming the account, the choices made and the address),
     * and the next user's choices work as they should.
     */
    @Test
    void signingOutShouldForgetTheDeviceSetupAndLeaveTheChoicesToTheNextUser() throws Exception {
        SelfServicePage page = signedInPage(TotpUser.newUserName("shared-first"));
        page.click("scope-filters");
        createFor(page, "iPhone", "device-apple");
        String link = page.visible("created-profile-link").getAttribute("href");
        SecretLeakDetector.register(link.substring(link.lastIndexOf('/') + 1));

        page.click("sign-out");
        page.noticeContaining("Signed out");
        assertThat(chromium.driver().findElement(org.openqa.selenium.By.id("created-profile-link")).getAttribute("href"))
            .doesNotContain(link.substring(link.lastIndexOf('/') + 1));
        assertThat(page.textContent("created-settings-list")).isEmpty();
        assertThat(page.textContent("created-apple-until")).isEmpty();
        assertThat(page.value("sign-in-user")).as("signed out on purpose: the address is forgotten too").isEmpty();

        String next = TotpUser.newUserName("shared-next");
        james.data().addUser(next, TotpUser.PRIMARY_PASSWORD);
        page.signIn(next, TotpUser.PRIMARY_PASSWORD, null);
        page.noticeContaining("Signed in as " + next);
        assertThat(page.isChecked("scope-filters")).as("the page's default again").isTrue();
        assertThat(page.isChecked("device-other")).isTrue();
        createFor(page, "Android phone", "device-thunderbird-android");
        assertThat(page.visible("created-qr").getAttribute("src")).as("the choice still names its device").startsWith("data:image/png");

        page.click("sign-out");
        page.noticeContaining("Signed out");
        assertThat(chromium.driver().findElement(org.openqa.selenium.By.id("created-qr")).getAttribute("src")).isNullOrEmpty();
        assertThat(page.isShown("created-thunderbird-android")).isFalse();
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
