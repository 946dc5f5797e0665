package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The page leaves the signed-in view when the session expires, timed from the server's clock: a
 * computer whose clock is two days behind still sees a 4-second session end after 4 seconds.
 */
class SelfServicePageExpiryTest {
    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withProperties("selfService.sessionTimeout=PT4S\n");
    @RegisterExtension
    static HeadlessChromium chromium = new HeadlessChromium();

    @Test
    void sessionShouldEndInThePageWhenItExpiresOnTheServerEvenWithTheComputersClockBehind() throws Exception {
        String user = TotpUser.newUserName("expirypage");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        ChromeDriver browser = (ChromeDriver) chromium.driver();
        // Timed from this clock, the session would end in two days.
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
            "(function () { const real = Date.now; Date.now = function () { return real.call(Date) - 2 * 86400000; }; }());"));
        SelfServicePage page = new SelfServicePage(browser).open(james.ports());
        page.signIn(user, TotpUser.PRIMARY_PASSWORD, "");
        page.noticeContaining("Signed in");
        long signedIn = System.nanoTime();

        assertThat(page.errorContaining("Your session has ended")).contains("it expired");

        assertThat((System.nanoTime() - signedIn) / 1_000_000L).as("milliseconds until the page ended it").isBetween(1_000L, 8_000L);
        page.visible("sign-in-password");
        assertThat(page.isShown("app-passwords")).isFalse();
    }
}
