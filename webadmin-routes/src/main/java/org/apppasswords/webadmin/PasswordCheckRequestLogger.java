package org.apppasswords.webadmin;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.james.util.MDCStructuredLogger;
import org.apache.james.webadmin.authentication.AuthenticationFilter;
import org.apache.james.webadmin.mdc.LoggingRequestFilter;
import org.apache.james.webadmin.mdc.RequestId;
import org.apache.james.webadmin.mdc.RequestLogger;

import spark.Request;

/**
 * James 3.8.1's WebAdmin logs every request with its body at INFO ({@link LoggingRequestFilter}),
 * except a user's creation: {@code POST /users/{user}/verify} would put the password it checks in
 * the log. This one logs that request as James logs the others, without its body.
 */
public final class PasswordCheckRequestLogger implements RequestLogger {
    @Override
    public boolean applies(Request request) {
        return "POST".equalsIgnoreCase(request.requestMethod()) && isPasswordCheck(request.pathInfo());
    }

    /**
     * {@code /users/{user}/verify}, with any number of slashes before, between and after its three
     * segments: James's routes answer {@code //users/bob/verify} (a base URL ending in a slash) as
     * they answer the plain path.
     */
    private static boolean isPasswordCheck(String path) {
        List<String> segments = Arrays.stream(path.split("/")).filter(segment -> !segment.isEmpty()).collect(Collectors.toList());
        return segments.size() == 3 && segments.get(0).equals("users") && segments.get(2).equals("verify");
    }

    @Override
    public void log(Request request, RequestId requestId) {
        MDCStructuredLogger.forLogger(LoggingRequestFilter.LOGGER)
            .field(LoggingRequestFilter.REQUEST_ID, requestId.asString())
            .field(LoggingRequestFilter.IP, request.ip())
            .field(LoggingRequestFilter.ENDPOINT, request.url())
            .field(LoggingRequestFilter.METHOD, request.requestMethod())
            .field(AuthenticationFilter.LOGIN, request.attribute(AuthenticationFilter.LOGIN))
            .log(logger -> logger.info("WebAdmin request received: password check"));
    }
}
