package org.apppasswords.selfservice;

import java.util.Map;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * A refusal answered to the client as {@code {"statusCode","type","message"}}. Every message is
 * written here or by the extension's own exceptions, whose messages are safe to show: none holds
 * a secret or a stack trace.
 */
final class ApiError extends RuntimeException {
    static final String BEARER_CHALLENGE = "Bearer realm=\"app-passwords-api\"";
    static final String BASIC_CHALLENGE = "Basic realm=\"app-passwords-api\", charset=\"UTF-8\"";

    private final HttpResponseStatus status;
    private final String type;
    private final Map<String, String> headers;

    private ApiError(HttpResponseStatus status, String type, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.headers = headers;
    }

    static ApiError badRequest(String message) {
        return new ApiError(HttpResponseStatus.BAD_REQUEST, "InvalidArgument", message, Map.of());
    }

    /** The one answer to every failed sign-in, whatever the cause. */
    static ApiError signInRefused() {
        return new ApiError(HttpResponseStatus.UNAUTHORIZED, "Unauthorized",
            "Sign in with HTTP Basic: your primary password, followed by $ and a current TOTP code once TOTP is enabled",
            Map.of("WWW-Authenticate", BASIC_CHALLENGE));
    }

    /** The one answer to a missing, malformed, unknown, expired or revoked bearer token. */
    static ApiError sessionRequired() {
        return new ApiError(HttpResponseStatus.UNAUTHORIZED, "Unauthorized",
            "A valid session token is required: sign in with POST /app-passwords-api/session", Map.of("WWW-Authenticate", BEARER_CHALLENGE));
    }

    static ApiError forbidden(String message) {
        return new ApiError(HttpResponseStatus.FORBIDDEN, "Forbidden", message, Map.of());
    }

    static ApiError notFound(String message) {
        return new ApiError(HttpResponseStatus.NOT_FOUND, "NotFound", message, Map.of());
    }

    /** The one answer to a device profile link used before, expired, revoked, unknown or malformed. */
    static ApiError linkGone() {
        return new ApiError(HttpResponseStatus.GONE, "Gone",
            "This link works once and for 5 minutes: it was used or has expired. Create a new app password for the device", Map.of());
    }

    static ApiError methodNotAllowed(String allowed) {
        return new ApiError(HttpResponseStatus.METHOD_NOT_ALLOWED, "MethodNotAllowed", "This route accepts " + allowed,
            Map.of("Allow", allowed));
    }

    static ApiError conflict(String message) {
        return new ApiError(HttpResponseStatus.CONFLICT, "Conflict", message, Map.of());
    }

    static ApiError payloadTooLarge(int maxBytes) {
        return new ApiError(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "PayloadTooLarge",
            "The request body must not exceed " + maxBytes + " bytes", Map.of());
    }

    static ApiError unsupportedMediaType() {
        return new ApiError(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, "UnsupportedMediaType",
            "The request body must be JSON sent as Content-Type: application/json", Map.of());
    }

    static ApiError tooManyAttempts(long retryAfterSeconds) {
        return new ApiError(HttpResponseStatus.TOO_MANY_REQUESTS, "TooManyRequests",
            "Too many failed attempts for this account: retry in " + retryAfterSeconds + " seconds",
            Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
    }

    static ApiError storeUnavailable() {
        return new ApiError(HttpResponseStatus.SERVICE_UNAVAILABLE, "ServiceUnavailable",
            "The app passwords store is unavailable: retry later", Map.of("Retry-After", "5"));
    }

    static ApiError internal() {
        return new ApiError(HttpResponseStatus.INTERNAL_SERVER_ERROR, "ServerError", "The server could not process the request", Map.of());
    }

    HttpResponseStatus status() {
        return status;
    }

    String type() {
        return type;
    }

    Map<String, String> headers() {
        return headers;
    }
}
