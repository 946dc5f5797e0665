package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person's whole journey through the self-service page in headless Chromium, against a real
 * James started through the launcher: sign in with the primary password, enrol TOTP (the primary
 * password asked again) from the secret shown on the page (its code computed by {@code oathtool}), keep the recovery codes,
 * create an app password, log in over IMAP with the password copied from the page, see its last
 * use, revoke it in the page and see the IMAP login fail, revoke all, turn TOTP off with a
 * recovery code, sign out. Each step leaves a screenshot in {@code target/screenshots/}; the
 * ones in {@code docs/images/} come from here.
 */
class SelfServicePageJourneyTest {
    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withDefaults();
    @RegisterExtension
    static HeadlessChromium chromium = new HeadlessChromium();

    @Test
    void personShouldEnrolMintUseAndRevokeAnAppPasswordThroughThePage() throws Exception {
        String user = TotpUser.newUserName("page");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        SelfServicePage page = new SelfServicePage(chromium.driver()).open(james.ports());

        page.type("sign-in-user", user);
        page.type("sign-in-password", TotpUser.PRIMARY_PASSWORD);
        chromium.screenshot("self-service-01-sign-in");
        page.click("sign-in-submit");
        assertThat(page.noticeContaining("Signed in")).contains(user);
        assertThat(page.value("sign-in-password")).as("the password field is emptied once signed in").isEmpty();
        assertThat(page.text("app-passwords-blocked")).contains("once two-factor authentication is on");
        chromium.screenshot("self-service-02-signed-in");

        page.type("totp-start-password", TotpUser.PRIMARY_PASSWORD);
        assertThat(page.value("totp-start-user")).as("the username for password managers").isEqualTo(user);
        page.click("totp-start");
        String secret = page.text("totp-secret");
        assertThat(page.value("totp-start-password")).as("the primary password field is emptied once enrolment starts").isEmpty();
        SecretLeakDetector.register(secret);
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(page.visible("totp-qr").getAttribute("src")).startsWith("data:image/png;base64,");
        JavascriptExecutor browser = (JavascriptExecutor) chromium.driver();
        assertThat((Long) browser.executeScript("return document.getElementById('totp-qr').naturalWidth;"))
            .as("the CSP lets the QR code through as a data: image").isPositive();
        assertThat(browser.executeScript("return getComputedStyle(document.getElementById('totp')).borderTopStyle;"))
            .as("the CSP lets the page's own style sheet apply").isEqualTo("solid");
        page.type("totp-confirm-code", Oathtool.currentCode(secret));
        chromium.screenshot("self-service-03-enrol", "totp-secret");

        page.click("totp-confirm");
        List<String> recoveryCodes = Arrays.asList(page.text("recovery-codes").split("\n"));
        recoveryCodes.forEach(SecretLeakDetector::register);
        assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates();
        assertThat(page.isShown("totp-secret")).as("the secret is gone once confirmed").isFalse();
        chromium.screenshot("self-service-04-recovery-codes", "recovery-codes");
        page.click("recovery-download");
        Path download = chromium.downloads().resolve("recovery-codes.txt");
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(10)).until(driver -> Files.exists(download));
        assertThat(Files.readString(download, StandardCharsets.UTF_8)).contains(recoveryCodes);
        page.click("recovery-done");
        assertThat(page.isShown("recovery")).isFalse();

        page.type("create-label", "Thunderbird");
        page.type("create-password", TotpUser.PRIMARY_PASSWORD);
        page.click("create-submit");
        page.noticeContaining("created");
        String appPassword = page.copyTarget("created-copy");
        SecretLeakDetector.register(appPassword);
        assertThat(page.text("created-label")).isEqualTo("Thunderbird");
        assertThat(page.isShown("created-settings")).as("no clients.* settings: none shown").isFalse();
        assertThat(page.value("create-password")).as("the primary password field is emptied once created").isEmpty();
        assertThat(page.value("create-user")).as("the username for password managers").isEqualTo(user);
        page.click("created-copy");
        page.noticeMatching("Copied|Selected");
        chromium.screenshot("self-service-05-app-password-created", "created-password");
        page.click("created-done");
        assertThat(page.isShown("created")).as("the app password is shown once").isFalse();

        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user, appPassword)).isTrue();
        james.appPasswords().flushLastUses();

        page.click("sign-out");
        page.noticeContaining("Signed out");
        page.signIn(user, TotpUser.PRIMARY_PASSWORD, Oathtool.nextCode(secret));
        page.noticeContaining("Signed in");
        page.waitForRows(1);
        List<String> row = page.rows().get(0);
        assertThat(row.get(0)).isEqualTo("Thunderbird");
        assertThat(row.get(1)).as("what it may do").isEqualTo("Everything");
        assertThat(row.get(2)).isNotBlank();
        assertThat(row.get(3)).as("last used").isNotEqualTo("Never").endsWith("(IMAP from 127.0.0.1)");
        chromium.screenshot("self-service-06-app-passwords", "list");

        page.revoke("Thunderbird");
        assertThat(page.text("confirm-text")).contains("Revoke the app password \"Thunderbird\"");
        chromium.screenshot("self-service-07-revoke-confirm", "list");
        page.confirm(true);
        page.noticeContaining("revoked");
        page.waitForRows(0);
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user, appPassword)).as("IMAP login with the revoked app password").isFalse();

        page.type("create-label", "Scanner");
        page.type("create-password", TotpUser.PRIMARY_PASSWORD);
        page.click("scope-read");
        page.click("scope-send");
        page.click("scope-filters");
        page.click("create-submit");
        page.errorContaining("Choose at least one");
        page.click("scope-send");
        page.click("create-submit");
        String second = page.copyTarget("created-copy");
        SecretLeakDetector.register(second);
        page.click("created-done");
        page.waitForRows(1);
        assertThat(page.rows().get(0).get(1)).as("what it may do").isEqualTo("Send mail");
        assertThat(Protocol.SMTP_AUTH.login(james.ports(), user, second)).as("SMTP, in its scope").isTrue();
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user, second)).as("IMAP, out of its scope").isFalse();
        assertThat(page.isChecked("scope-read")).as("all ticked again for the next one").isTrue();
        page.click("revoke-all");
        page.confirm(false);
        assertThat(page.rows()).as("cancelled").hasSize(1);
        page.click("revoke-all");
        page.confirm(true);
        page.noticeContaining("All app passwords revoked");
        page.waitForRows(0);
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user, second)).isFalse();

        page.type("totp-disable-code", recoveryCodes.get(0));
        page.click("totp-disable");
        page.confirm(true);
        page.noticeContaining("Two-factor authentication is off");
        page.visible("totp-start");
        chromium.screenshot("self-service-08-totp-off", "totp-start");
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user, TotpUser.PRIMARY_PASSWORD)).isTrue();

        page.click("sign-out");
        page.noticeContaining("Signed out");
        assertThat(page.isShown("app-passwords")).isFalse();
        assertThat(page.isShown("sign-in")).isTrue();
        chromium.screenshot("self-service-09-signed-out");
    }
}
