package org.apppasswords.webadmin;

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
        String path = request.pathInfo();
        return "POST".equalsIgnoreCase(request.requestMethod()) && path.startsWith("/users/")
            && (path.endsWith("/verify") || path.endsWith("/verify/"));
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
