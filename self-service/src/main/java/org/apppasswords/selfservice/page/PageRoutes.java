package org.apppasswords.selfservice.page;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.james.jmap.Endpoint;
import org.apache.james.jmap.JMAPRoute;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The self-service page: a fixed set of static files under {@value #BASE}/ on James's JMAP port,
 * next to the API it calls. {@code GET} {@value #BASE} redirects to {@value #BASE}/; any other
 * path under it answers 404. Each path is matched exactly against the whitelist below, so no
 * part of a request reaches the classpath. Every answer carries {@link #SECURITY_HEADERS}: the
 * page runs only its own scripts and styles, talks only to its own origin, cannot be framed,
 * feeds no string to an HTML or script sink (Trusted Types required, and none created), and is
 * never cached (it displays secrets shown once).
 */
public final class PageRoutes {
    public static final String BASE = "/app-passwords-api/ui";
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'; require-trusted-types-for 'script'; "
        + "trusted-types 'none'";
    /** The page's scripts, in the order index.html loads them. */
    static final List<String> SCRIPTS = List.of("api.js", "ui.js", "session.js", "totp.js", "app-passwords.js", "activity.js", "app.js");
    static final Map<String, String> SECURITY_HEADERS = securityHeaders();

    private static final String HTML = "text/html; charset=utf-8";
    private static final String CSS = "text/css; charset=utf-8";
    private static final String JAVASCRIPT = "text/javascript; charset=utf-8";

    private final Map<String, PageFile> files;

    public PageRoutes() {
        Map<String, PageFile> whitelist = new LinkedHashMap<>();
        whitelist.put(BASE + "/", PageFile.load("index.html", HTML));
        whitelist.put(BASE + "/app.css", PageFile.load("app.css", CSS));
        for (String script : SCRIPTS) {
            whitelist.put(BASE + "/" + script, PageFile.load(script, JAVASCRIPT));
        }
        this.files = Collections.unmodifiableMap(whitelist);
    }

    /** The page's routes, to be placed before any catch-all of the API. */
    public Stream<JMAPRoute> routes() {
        Stream<JMAPRoute> redirect = Stream.of(route(Endpoint.ofFixedPath(HttpMethod.GET, BASE), PageRoutes::redirect));
        Stream<JMAPRoute> whitelisted = files.entrySet().stream()
            .map(file -> route(Endpoint.ofFixedPath(HttpMethod.GET, file.getKey()), response -> send(response, file.getValue())));
        Stream<JMAPRoute> notFound = Stream.of(route(new Endpoint(HttpMethod.GET, BASE + "/**"), PageRoutes::notFound));
        return Stream.of(redirect, whitelisted, notFound).flatMap(routes -> routes);
    }

    private interface Answer {
        Mono<Void> answer(HttpServerResponse response);
    }

    private static JMAPRoute route(Endpoint endpoint, Answer answer) {
        return JMAPRoute.builder()
            .endpoint(endpoint)
            .action((request, response) -> answer.answer(withSecurityHeaders(response)))
            .noCorsHeaders();
    }

    private static Mono<Void> send(HttpServerResponse response, PageFile file) {
        return response.status(HttpResponseStatus.OK)
            .header("Content-Type", file.contentType())
            .sendByteArray(Mono.just(file.content()))
            .then();
    }

    private static Mono<Void> redirect(HttpServerResponse response) {
        return response.status(HttpResponseStatus.FOUND)
            .header("Location", BASE + "/")
            .send()
            .then();
    }

    private static Mono<Void> notFound(HttpServerResponse response) {
        return response.status(HttpResponseStatus.NOT_FOUND)
            .header("Content-Type", "text/plain; charset=utf-8")
            .sendByteArray(Mono.just("Not found\n".getBytes(StandardCharsets.UTF_8)))
            .then();
    }

    private static HttpServerResponse withSecurityHeaders(HttpServerResponse response) {
        HttpServerResponse headed = response;
        for (Map.Entry<String, String> header : SECURITY_HEADERS.entrySet()) {
            headed = headed.header(header.getKey(), header.getValue());
        }
        return headed;
    }

    private static Map<String, String> securityHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Cache-Control", "no-store");
        headers.put("X-Frame-Options", "DENY");
        // A window this page opens (the profile link) or that opened it cannot reach it.
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        return Map.copyOf(headers);
    }
}
