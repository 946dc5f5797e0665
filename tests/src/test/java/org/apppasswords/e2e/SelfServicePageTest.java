package org.apppasswords.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apppasswords.configuration.ThrottleConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * How the self-service page is served (a fixed whitelist with strict security headers) and how it
 * reports the API's refusals, in headless Chromium against a real James.
 */
class SelfServicePageTest {
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'; require-trusted-types-for 'script'; "
        + "trusted-types 'none'";

    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withDefaults();
    @RegisterExtension
    static HeadlessChromium chromium = new HeadlessChromium();

    private RequestSpecification http() {
        return given().baseUri("http://" + Protocol.LOOPBACK).port(james.ports().jmap).urlEncodingEnabled(false).redirects().follow(false).when();
    }

    private SelfServicePage page() {
        return new SelfServicePage(chromium.driver()).open(james.ports());
    }

    @Test
    void pageFilesShouldBeServedWithTheirTypeAndSecurityHeaders() {
        Map<String, String> files = Map.of(
            "", "text/html; charset=utf-8",
            "app.css", "text/css; charset=utf-8",
            "api.js", "text/javascript; charset=utf-8",
            "ui.js", "text/javascript; charset=utf-8",
            "session.js", "text/javascript; charset=utf-8",
            "totp.js", "text/javascript; charset=utf-8",
            "app-passwords.js", "text/javascript; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8");
        files.forEach((file, type) -> {
            Response response = http().get(SelfServicePage.PATH + file);
            assertThat(response.statusCode()).as(file).isEqualTo(200);
            assertThat(response.contentType()).as(file).isEqualTo(type);
            assertSecurityHeaders(response);
        });
        assertThat(http().get(SelfServicePage.PATH).asString()).contains("<script src=\"app.js\" defer></script>");
    }

    @Test
    void pageShouldAlsoAnswerRequestsAskingForJmapRfc8621() {
        assertThat(http().accept("application/json; jmapVersion=rfc-8621").get(SelfServicePage.PATH).statusCode()).isEqualTo(200);
    }

    @Test
    void baseWithoutSlashShouldRedirectToThePage() {
        Response response = http().get("/app-passwords-api/ui");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.header("Location")).isEqualTo(SelfServicePage.PATH);
        assertSecurityHeaders(response);
    }

    @Test
    void pathsOutsideTheWhitelistShouldAnswer404() {
        for (String path : List.of("index.html", "app.js/", "APP.JS", "app.js.map", "page/app.js", "org/apppasswords/selfservice/page/app.js",
                "PageRoutes.class", "../../app-passwords-api/ui/app.js", "%2e%2e/%2e%2e/etc/passwd", "..%2fapp.js", "app.js%00", "x?y=app.js")) {
            Response response = http().get(SelfServicePage.PATH + path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.asString()).as(path).doesNotContain("<html", "SelfServiceApi");
            assertThat(response.header("Content-Security-Policy")).as(path).isEqualTo(CSP);
        }
    }

    @Test
    void otherMethodsShouldNotServeThePage() {
        for (Response response : List.of(http().post(SelfServicePage.PATH), http().put(SelfServicePage.PATH + "app.js"),
                http().delete(SelfServicePage.PATH + "app.js"))) {
            assertThat(response.statusCode()).isIn(404, 405);
            assertThat(response.asString()).doesNotContain("<html", "SelfServiceApi");
        }
    }

    @Test
    void wrongPasswordShouldShowTheApis401Message() throws Exception {
        String user = TotpUser.newUserName("wrongpage");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        Response refused = new SelfServiceClient(james.ports()).signIn(user, "not-the-password");
        assertThat(refused.statusCode()).isEqualTo(401);
        String apiMessage = refused.jsonPath().getString("message");
        SelfServicePage page = page();

        page.signIn(user, "not-the-password-either", "");

        assertThat(page.errorContaining("Sign-in refused")).contains(apiMessage);
        assertThat(page.isShown("sign-in")).isTrue();
        assertThat(page.isShown("app-passwords")).isFalse();
    }

    @Test
    void wrongEnrolmentCodeShouldShowThe403MessageAndKeepTotpOff() throws Exception {
        String user = TotpUser.newUserName("wrongcodepage");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        SelfServicePage page = page();
        page.signIn(user, TotpUser.PRIMARY_PASSWORD, "");
        page.type("totp-start-password", TotpUser.PRIMARY_PASSWORD);
        page.click("totp-start");
        String secret = page.text("totp-secret");
        SecretLeakDetector.register(secret);
        String code = Oathtool.currentCode(secret);
        String wrong = String.format("%06d", (Integer.parseInt(code) + 500_000) % 1_000_000);

        page.type("totp-confirm-code", wrong);
        page.click("totp-confirm");

        assertThat(page.errorContaining("Refused")).contains("Wrong code");
        assertThat(page.isShown("totp-enrol")).isTrue();
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user, TotpUser.PRIMARY_PASSWORD)).isTrue();
        page.click("sign-out");
    }

    @Test
    void wrongPasswordAtEnrolmentShouldShowThe403MessageAndShowNoSecret() throws Exception {
        String user = TotpUser.newUserName("wrongenrolpage");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        SelfServicePage page = page();
        page.signIn(user, TotpUser.PRIMARY_PASSWORD, "");
        page.noticeContaining("Signed in");
        SecretLeakDetector.register("Not-The-Primary-Passw0rd");

        page.type("totp-start-password", "Not-The-Primary-Passw0rd");
        page.click("totp-start");

        assertThat(page.errorContaining("Refused")).contains("Wrong password").contains("primary password");
        assertThat(page.isShown("totp-enrol")).as("no secret shown").isFalse();
        assertThat(page.textContent("totp-secret")).isEmpty();
        assertThat(page.isShown("totp-start-form")).as("the form stays, to try again").isTrue();
        assertThat(new SelfServiceClient(james.ports()).signIn(user, TotpUser.PRIMARY_PASSWORD).statusCode()).as("TOTP still off")
            .isEqualTo(200);
        page.click("sign-out");
        page.noticeContaining("Signed out");
    }

    @Test
    void tooManyFailuresShouldShowThe429MessageWithTheWait() throws Exception {
        String user = TotpUser.newUserName("lockedpage");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        SelfServiceClient client = new SelfServiceClient(james.ports());
        // The last of these failures locks this address out of the account (throttle.address.maxFailures).
        for (int attempt = 0; attempt < ThrottleConfiguration.defaults().address().maxFailures(); attempt++) {
            assertThat(client.signIn(user, "wrong-" + attempt).statusCode()).isEqualTo(401);
        }

        page().signIn(user, TotpUser.PRIMARY_PASSWORD, "");

        SelfServicePage page = new SelfServicePage(chromium.driver());
        assertThat(page.errorContaining("Too many failed attempts")).containsPattern("wait \\d+ seconds");
        assertThat(page.isShown("sign-in")).isTrue();
    }

    @Test
    void signInShouldWorkFromTheKeyboard() throws Exception {
        String user = TotpUser.newUserName("keyboard");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        SelfServicePage page = page();

        WebElement focused = chromium.driver().switchTo().activeElement();
        assertThat(focused.getAttribute("id")).isEqualTo("sign-in-user");
        focused.sendKeys(user, Keys.TAB);
        chromium.driver().switchTo().activeElement().sendKeys(TotpUser.PRIMARY_PASSWORD, Keys.ENTER);

        assertThat(page.noticeContaining("Signed in")).contains(user);
        page.visible("totp-start");
        assertThat(chromium.driver().switchTo().activeElement().getAttribute("id")).as("focus moves to the next step").isEqualTo("totp-title");
        page.click("sign-out");
        page.noticeContaining("Signed out");
    }

    @Test
    @SuppressWarnings("unchecked")
    void sessionShouldLiveInMemoryOnly() throws Exception {
        String user = TotpUser.newUserName("memory");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        SelfServicePage page = page();
        page.signIn(user, TotpUser.PRIMARY_PASSWORD, "");
        page.noticeContaining("Signed in");

        Object stored = ((JavascriptExecutor) chromium.driver())
            .executeScript("return [localStorage.length, sessionStorage.length, document.cookie, location.href];");

        assertThat((List<Object>) stored).containsExactly(0L, 0L, "", "http://" + Protocol.LOOPBACK + ":" + james.ports().jmap + SelfServicePage.PATH);
        chromium.driver().navigate().refresh();
        page.visible("sign-in-user");
        assertThat(page.isShown("app-passwords")).as("a reload forgets the session").isFalse();
    }

    private static void assertSecurityHeaders(Response response) {
        assertThat(response.header("Content-Security-Policy")).isEqualTo(CSP);
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Cross-Origin-Opener-Policy")).isEqualTo("same-origin");
    }
}
