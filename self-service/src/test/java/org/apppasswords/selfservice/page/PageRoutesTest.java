package org.apppasswords.selfservice.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.james.jmap.JMAPRoute;
import org.junit.jupiter.api.Test;

class PageRoutesTest {
    private final List<JMAPRoute> routes = new PageRoutes().routes().collect(Collectors.toList());

    @Test
    void routesShouldServeTheWhitelistThenRefuseTheRest() {
        assertThat(routes.stream().map(route -> route.getEndpoint().getPath()))
            .containsExactly(PageRoutes.BASE, PageRoutes.BASE + "/", PageRoutes.BASE + "/app.css", PageRoutes.BASE + "/api.js",
                PageRoutes.BASE + "/ui.js", PageRoutes.BASE + "/session.js", PageRoutes.BASE + "/totp.js",
                PageRoutes.BASE + "/app-passwords.js", PageRoutes.BASE + "/activity.js", PageRoutes.BASE + "/app.js", PageRoutes.BASE + "/**");
    }

    @Test
    void routesShouldAnswerOnlyGet() {
        assertThat(routes).allSatisfy(route -> assertThat(route.getEndpoint().getMethod().name()).isEqualTo("GET"));
    }

    @Test
    void securityHeadersShouldForbidInlineScriptsFramingAndCaching() {
        assertThat(PageRoutes.SECURITY_HEADERS)
            .containsEntry("X-Content-Type-Options", "nosniff")
            .containsEntry("Referrer-Policy", "no-referrer")
            .containsEntry("Cache-Control", "no-store")
            .containsEntry("Cross-Origin-Opener-Policy", "same-origin");
        assertThat(PageRoutes.CONTENT_SECURITY_POLICY)
            .contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'", "form-action 'none'",
                "require-trusted-types-for 'script'", "trusted-types 'none'")
            .doesNotContain("unsafe");
    }

    @Test
    void pageShouldHoldNoInlineScriptStyleOrExternalResource() {
        String html = new String(PageFile.load("index.html", "text/html").content(), StandardCharsets.UTF_8);

        assertThat(html).doesNotContain("<style", "style=\"", "onclick", "onsubmit", "javascript:", "http://", "https://", "//cdn");
        assertThat(html.split("<script", -1)).allSatisfy(part -> assertThat(part.startsWith(" src=") || !part.contains("</script>")).isTrue());
    }

    @Test
    void pageShouldLoadEveryServedScriptInOrder() {
        String html = new String(PageFile.load("index.html", "text/html").content(), StandardCharsets.UTF_8);

        List<String> loaded = Pattern.compile("<script src=\"([^\"]+)\" defer></script>").matcher(html).results()
            .map(match -> match.group(1)).collect(Collectors.toList());
        assertThat(loaded).isEqualTo(PageRoutes.SCRIPTS);
    }

    @Test
    void scriptsShouldNeverTouchBrowserStorageNorHtmlOrCodeSinks() {
        for (String script : PageRoutes.SCRIPTS) {
            String text = new String(PageFile.load(script, "text/javascript").content(), StandardCharsets.UTF_8);
            assertThat(text).as(script).doesNotContain("localStorage", "sessionStorage", "document.cookie", "indexedDB", "innerHTML",
                "outerHTML", "insertAdjacentHTML", "document.write", "Function(", "eval(", "setTimeout('", "setTimeout(\"");
        }
    }

    @Test
    void scriptsShouldStayUnderThreeHundredLines() {
        for (String script : PageRoutes.SCRIPTS) {
            String text = new String(PageFile.load(script, "text/javascript").content(), StandardCharsets.UTF_8);
            assertThat(text.split("\n", -1).length).as(script).isLessThanOrEqualTo(300);
        }
    }
}
