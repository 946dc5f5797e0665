package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;

/** The page's "Recent activity": the user's sign-ins in plain words, refusals marked, refreshed on demand. */
class SignInHistoryPageTest {
    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withDefaults();
    @RegisterExtension
    static HeadlessChromium chromium = new HeadlessChromium();

    @Test
    void recentActivityShouldListTheSignInsOfEveryProtocolAndOfThePage() throws Exception {
        String user = TotpUser.newUserName("page-history");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user, "Wrong-Passw0rd")).isFalse();
        SelfServicePage page = new SelfServicePage(chromium.driver()).open(james.ports());
        page.signIn(user, TotpUser.PRIMARY_PASSWORD, null);
        page.noticeContaining("Signed in");

        // The sign-in itself is written a moment after its answer: refreshed until it is listed.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            page.click("activity-refresh");
            return rows().size() == 2;
        });

        List<List<String>> rows = rows();
        assertThat(rows.get(0)).containsSubsequence("This page", "127.0.0.1", "Password", "Signed in");
        assertThat(rows.get(1)).containsSubsequence("IMAP", "127.0.0.1", "Password", "Refused");
        chromium.screenshot("activity-01-recent", "activity");
        page.click("sign-out");
        assertThat(page.textContent("activity-body")).as("forgotten at sign-out").isEmpty();
    }

    /** Read in one script: a refresh replaces the rows, so elements found one call earlier may be gone by the next. */
    @SuppressWarnings("unchecked")
    private static List<List<String>> rows() {
        return (List<List<String>>) ((JavascriptExecutor) chromium.driver()).executeScript(
            "return Array.from(document.querySelectorAll('#activity-body tr'))"
                + ".map(function (row) { return Array.from(row.cells).map(function (cell) { return cell.textContent; }); });");
    }
}
