package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.apache.james.core.Username;
import org.apppasswords.audit.AuditCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

import io.restassured.response.Response;

/**
 * What the self-service page must not do, in headless Chromium against a real James: send an
 * empty password or code (it would count as a failed login), end a session because the computer's
 * clock is wrong, keep a secret in the page once the session has ended elsewhere, or run a label
 * as HTML.
 */
class SelfServicePageSafetyTest {
    private static final String HOSTILE_LABEL = "<img src=x onerror=window.pwned=1>";

    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withDefaults();
    @RegisterExtension
    static HeadlessChromium chromium = new HeadlessChromium();

    private SelfServicePage signedIn(TotpUser user) {
        SelfServicePage page = new SelfServicePage(chromium.driver()).open(james.ports());
        // A recovery code, so that the TOTP code of this time step is still unused for the test.
        page.signIn(user.name, TotpUser.PRIMARY_PASSWORD, user.recoveryCodes.get(0).reveal());
        page.noticeContaining("Signed in");
        return page;
    }

    /** Creates an app password labelled Laptop, shown in the page until the session ends. */
    private static void createLaptopPassword(SelfServicePage page) {
        page.type("create-label", "Laptop");
        page.type("create-password", TotpUser.PRIMARY_PASSWORD);
        page.click("create-submit");
        page.noticeContaining("created");
        SecretLeakDetector.register(page.copyTarget("created-copy"));
    }

    private Object script(String script) {
        return ((JavascriptExecutor) chromium.driver()).executeScript(script);
    }

    @Test
    void emptyPasswordOrCodeShouldBeRefusedInThePageWithoutCountingAFailedLogin() throws Exception {
        TotpUser user = TotpUser.create(james, "emptyfields");
        SelfServicePage page = signedIn(user);

        page.type("create-label", "Laptop");
        page.click("create-submit");
        assertThat(page.errorContaining("Enter your primary password")).doesNotContain("refused");
        page.click("totp-disable");
        page.errorContaining("Enter a new code");
        assertThat(page.isShown("confirm")).as("no confirmation asked for an empty code").isFalse();

        // One failure short of the lock (throttle.address.maxFailures = 5): an empty password sent above would be the fifth.
        SelfServiceClient client = new SelfServiceClient(james.ports());
        for (int attempt = 0; attempt < 4; attempt++) {
            assertThat(client.signIn(user.name, "wrong-" + attempt).statusCode()).isEqualTo(401);
        }
        assertThat(client.signIn(user.name, user.primaryWithCurrentCode()).statusCode()).as("not locked out").isEqualTo(200);
        page.click("sign-out");
    }

    @Test
    void emptyPasswordAtEnrolmentShouldBeRefusedInThePageWithoutAskingTheServer() throws Exception {
        String user = TotpUser.newUserName("emptyenrol");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        SelfServicePage page = new SelfServicePage(chromium.driver()).open(james.ports());
        page.signIn(user, TotpUser.PRIMARY_PASSWORD, "");
        page.noticeContaining("Signed in");

        try (AuditCapture audit = new AuditCapture()) {
            page.click("totp-start");

            assertThat(page.errorContaining("Enter your primary password")).doesNotContain("Refused");
            assertThat(audit.lines("login-refused")).as("no attempt reached the server").isEmpty();
        }
        assertThat(page.isShown("totp-enrol")).isFalse();
        page.click("sign-out");
    }

    @Test
    void sessionEndedElsewhereShouldShowTheSignInFormAndEmptyEverySecret() throws Exception {
        TotpUser user = TotpUser.create(james, "endedpage");
        SelfServicePage page = signedIn(user);
        createLaptopPassword(page);

        UserLifecycleThroughWebAdminTest.changePrimaryPassword(james, user.name, UserLifecycleThroughWebAdminTest.NEW_PRIMARY_PASSWORD);
        page.type("create-label", "Phone");
        page.type("create-password", UserLifecycleThroughWebAdminTest.NEW_PRIMARY_PASSWORD);
        page.type("totp-disable-code", "123456");
        page.click("create-submit");

        assertThat(page.errorContaining("Your session has ended")).contains("sign in again");
        page.visible("sign-in-password");
        assertThat(page.isShown("app-passwords")).isFalse();
        for (String secret : new String[] {"created-password", "created-label", "totp-secret", "recovery-codes", "list-body"}) {
            assertThat(page.textContent(secret)).as(secret + " emptied, not only hidden").isEmpty();
        }
        for (String field : new String[] {"create-label", "create-password", "create-user", "totp-disable-code", "totp-start-password",
                "totp-start-user", "sign-in-password"}) {
            assertThat(page.value(field)).as(field).isEmpty();
        }
        assertThat(page.value("sign-in-user")).isEqualTo(user.name);
    }

    @Test
    void aMessageShouldReplaceOneShownJustBeforeInTheOtherRegion() {
        SelfServicePage page = new SelfServicePage(chromium.driver()).open(james.ports());

        script("SelfServiceUi.error('First an error'); SelfServiceUi.notice('Then a notice');");

        page.noticeContaining("Then a notice");
        assertThat(page.textContent("error")).isEmpty();
    }

    @Test
    void hostileLabelShouldBeShownAsText() throws Exception {
        TotpUser user = TotpUser.create(james, "hostilepage");
        TotpUser.mint(james, Username.of(user.name), HOSTILE_LABEL);
        SelfServicePage page = signedIn(user);

        page.waitForRows(3);

        assertThat(page.rows()).anySatisfy(row -> assertThat(row.get(0)).isEqualTo(HOSTILE_LABEL));
        assertThat(script("return document.querySelectorAll('#list-body img').length;")).isEqualTo(0L);
        assertThat(script("return typeof window.pwned;")).isEqualTo("undefined");
        page.click("sign-out");
    }

    @Test
    void signInAnswerShouldCarryTheServersClockForThePage() throws Exception {
        TotpUser user = TotpUser.create(james, "datepage");

        Response opened = new SelfServiceClient(james.ports()).signIn(user.name, user.primaryWithCurrentCode());

        assertThat(opened.statusCode()).isEqualTo(200);
        Instant date = ZonedDateTime.parse(opened.header("Date"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        assertThat(Duration.between(date, Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
        assertThat(Instant.parse(opened.jsonPath().getString("expiresAt"))).isAfter(date);
    }

    @Test
    void wrongClockOnTheComputerShouldNotEndTheSession() throws Exception {
        TotpUser user = TotpUser.create(james, "clockpage");
        ChromeDriver browser = (ChromeDriver) chromium.driver();
        // Two days ahead: a session whose end is timed from this clock would be over at once.
        Map<String, Object> skew = browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
            "(function () { const real = Date.now; Date.now = function () { return real.call(Date) + 2 * 86400000; }; }());"));
        try {
            SelfServicePage page = signedIn(user);
            assertThat(script("return Date.now() - new Date().getTime() > 86400000;")).as("the clock is skewed").isEqualTo(true);

            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> page.isShown("app-passwords"));
            assertThat(page.textContent("error")).isEmpty();
            page.click("sign-out");
            page.noticeContaining("Signed out");
        } finally {
            browser.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", skew.get("identifier")));
        }
    }

    /**
     * A laptop closed on a signed-in page and woken after the session's lifetime: the monotonic
     * clock the page also counts with stopped meanwhile (performance.now() does, asleep, on most
     * systems), the wall clock did not. Simulated by moving the wall clock on and showing the page.
     */
    @Test
    void aSessionThatExpiredWhileTheComputerSleptShouldEndWhenThePageIsShownAgain() throws Exception {
        TotpUser user = TotpUser.create(james, "sleptpage");
        SelfServicePage page = signedIn(user);
        createLaptopPassword(page);

        script("const real = Date.now; Date.now = function () { return real.call(Date) + 86400000; };"
            + "document.dispatchEvent(new Event('visibilitychange'));");

        assertThat(page.errorContaining("Your session has ended")).contains("it expired");
        assertThat(page.isShown("app-passwords")).isFalse();
        assertThat(page.textContent("created-password")).isEmpty();
    }

    /** Leaving the page puts it in the browser's back/forward cache: Back must not bring the session back. */
    @Test
    void leavingThePageShouldEndItsSession() throws Exception {
        TotpUser user = TotpUser.create(james, "leftpage");
        SelfServicePage page = signedIn(user);

        script("window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));");

        page.visible("sign-in-password");
        assertThat(page.isShown("app-passwords")).isFalse();
        assertThat(page.textContent("list-body")).isEmpty();
    }
}
