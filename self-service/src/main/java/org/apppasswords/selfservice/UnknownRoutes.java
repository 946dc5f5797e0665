package org.apppasswords.selfservice;

import java.util.Map;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

/**
 * Answers requests under the API's base that no route took, in the API's JSON error shape: 405
 * with {@code Allow} for a known path called with another method, 404 otherwise.
 */
final class UnknownRoutes {
    private static final Map<Pattern, String> ALLOWED_BY_PATH = Map.of(
        Pattern.compile("/session"), "POST, DELETE",
        Pattern.compile("/totp"), "POST, DELETE",
        Pattern.compile("/totp/confirm"), "POST",
        Pattern.compile("/app-passwords"), "GET, POST, DELETE",
        Pattern.compile("/app-passwords/[^/]*"), "DELETE",
        Pattern.compile("/activity"), "GET",
        Pattern.compile("/device-setup"), "GET",
        Pattern.compile("/device-profiles/[^/]*"), "GET");

    private UnknownRoutes() {
    }

    static Mono<Reply> refuse(HttpServerRequest request) {
        String uri = request.uri();
        int query = uri.indexOf('?');
        String path = (query < 0 ? uri : uri.substring(0, query)).substring(SelfServiceRoutes.BASE.length());
        return Mono.error(ALLOWED_BY_PATH.entrySet().stream()
            .filter(entry -> entry.getKey().matcher(path).matches())
            .findFirst()
            .map(entry -> ApiError.methodNotAllowed(entry.getValue()))
            .orElseGet(() -> ApiError.notFound("No such route: see docs/self-service.md for the routes of " + SelfServiceRoutes.BASE)));
    }
}
