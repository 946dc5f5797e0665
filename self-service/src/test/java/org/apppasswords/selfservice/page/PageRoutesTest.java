package org.apppasswords.selfservice.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.james.jmap.JMAPRoute;
import org.junit.jupiter.api.Test;

class PageRoutesTest {
    private final List<JMAPRoute> routes = new PageRoutes().routes().collect(Collectors.toList());

    @Test
    void routesShouldServeTheWhitelistThenRefuseTheRest() {
        assertThat(routes.stream().map(route -> route.getEndpoint().getPath()))
            .containsExactly(PageRoutes.BASE, PageRoutes.BASE + "/", PageRoutes.BASE + "/app.css", PageRoutes.BASE + "/api.js",
                PageRoutes.BASE + "/app.js", PageRoutes.BASE + "/**");
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
            .containsEntry("Cache-Control", "no-store");
        assertThat(PageRoutes.CONTENT_SECURITY_POLICY)
            .contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'", "form-action 'none'")
            .doesNotContain("unsafe");
    }

    @Test
    void pageShouldHoldNoInlineScriptStyleOrExternalResource() {
        String html = new String(PageFile.load("index.html", "text/html").content(), StandardCharsets.UTF_8);

        assertThat(html).doesNotContain("<style", "style=\"", "onclick", "onsubmit", "javascript:", "http://", "https://", "//cdn");
        assertThat(html.split("<script", -1)).allSatisfy(part -> assertThat(part.startsWith(" src=") || !part.contains("</script>")).isTrue());
    }

    @Test
    void scriptsShouldNeverTouchBrowserStorage() {
        for (String script : List.of("api.js", "app.js")) {
            String text = new String(PageFile.load(script, "text/javascript").content(), StandardCharsets.UTF_8);
            assertThat(text).as(script).doesNotContain("localStorage", "sessionStorage", "document.cookie", "indexedDB", "innerHTML", "eval(");
        }
    }
}
