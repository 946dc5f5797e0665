package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * An answer the page asked for in one session and received after it ended (signed out, expired)
 * shows nothing, in headless Chromium against a real James: not to the user who signed out, and
 * not to the next person who signs in on that computer, who would otherwise be shown the first
 * user's TOTP secret or new app password. The page's {@code fetch} holds back one kind of answer
 * so that the sign-out comes between the question and its answer.
 */
class SelfServicePageLateAnswerTest {
    /** How long the page's answer is held back: long enough to sign out meanwhile. */
    private static final long HELD_BACK_MILLIS = 1500;

    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withDefaults();
    @RegisterExtension
    static HeadlessChromium chromium = new HeadlessChromium();

    @Test
    void aTotpSecretAnsweredAfterASignOutShouldNotBeShownToTheNextUser() throws Exception {
        String first = TotpUser.newUserName("late-totp");
        String next = TotpUser.newUserName("late-next");
        james.data().addUser(first, TotpUser.PRIMARY_PASSWORD);
        james.data().addUser(next, TotpUser.PRIMARY_PASSWORD);
        SelfServicePage page = signedIn(first, null);

        holdBackAnswersTo("POST", "/app-passwords-api/totp");
        page.type("totp-start-password", TotpUser.PRIMARY_PASSWORD);
        page.click("totp-start");
        page.click("sign-out");
        awaitTheHeldBackAnswer();

        assertStaysEmpty("totp-secret");
        page.signIn(next, TotpUser.PRIMARY_PASSWORD, null);
        page.noticeContaining("Signed in as " + next);
        assertThat(page.isShown("totp-enrol")).as("the first user's enrolment").isFalse();
        assertThat(page.textContent("totp-secret")).isEmpty();
        assertThat(page.isShown("totp-off")).isTrue();
    }

    @Test
    void anAppPasswordAnsweredAfterASignOutShouldNotBeShownToTheNextUser() throws Exception {
        TotpUser first = TotpUser.create(james, "late-create");
        TotpUser next = TotpUser.create(james, "late-other");
        SelfServicePage page = signedIn(first.name, first.recoveryCodes.get(0).reveal());

        holdBackAnswersTo("POST", "/app-passwords-api/app-passwords");
        page.type("create-label", "Laptop");
        page.type("create-password", TotpUser.PRIMARY_PASSWORD);
        page.click("create-submit");
        page.click("sign-out");
        awaitTheHeldBackAnswer();

        assertStaysEmpty("created-password");
        page.signIn(next.name, TotpUser.PRIMARY_PASSWORD, next.recoveryCodes.get(0).reveal());
        page.noticeContaining("Signed in as " + next.name);
        assertThat(page.isShown("created")).as("the first user's new app password").isFalse();
        assertThat(page.textContent("created-password")).isEmpty();
        assertThat(page.textContent("error")).isEmpty();
    }

    @Test
    void aRefreshAnsweredAfterASignOutShouldNotListTheActivityAgain() throws Exception {
        String user = TotpUser.newUserName("late-history");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        SelfServicePage page = signedIn(user, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            page.click("activity-refresh");
            return !page.textContent("activity-body").isEmpty();
        });

        holdBackAnswersTo("GET", "/app-passwords-api/activity");
        page.click("activity-refresh");
        page.click("sign-out");
        awaitTheHeldBackAnswer();

        assertStaysEmpty("activity-body");
        assertThat(page.textContent("error")).as("nothing to say of an answer for a session that ended").isEmpty();
        page.noticeContaining("Signed out");
    }

    private static SelfServicePage signedIn(String user, String code) {
        SelfServicePage page = new SelfServicePage(chromium.driver()).open(james.ports());
        page.signIn(user, TotpUser.PRIMARY_PASSWORD, code);
        page.noticeContaining("Signed in");
        return page;
    }

    /** From now on, the page receives the answers to {@code method path} {@value #HELD_BACK_MILLIS} ms late, and counts them. */
    private static void holdBackAnswersTo(String method, String path) {
        script("const method = arguments[0], path = arguments[1], delay = arguments[2], send = window.fetch;"
            + "window.heldBackAnswers = 0;"
            + "window.fetch = function (url, init) {"
            + "  const answer = send(url, init);"
            + "  if (!init || init.method !== method || !String(url).endsWith(path)) { return answer; }"
            + "  return answer.then(function (response) { return new Promise(function (resolve) {"
            + "    window.setTimeout(function () { window.heldBackAnswers++; resolve(response); }, delay); }); });"
            + "};", method, path, HELD_BACK_MILLIS);
    }

    private static void awaitTheHeldBackAnswer() {
        await().atMost(Duration.ofSeconds(15)).until(() -> ((Number) script("return window.heldBackAnswers;")).intValue() == 1);
    }

    /** Emptied at sign-out, and still empty once the held-back answer has been handled (its body read, its handler run). */
    private static void assertStaysEmpty(String id) {
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
            .until(() -> ((String) script("return document.getElementById(arguments[0]).textContent;", id)).isEmpty());
    }

    private static Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) chromium.driver()).executeScript(script, arguments);
    }
}
