package org.apppasswords.webadmin;

import static org.apache.james.webadmin.utils.ErrorResponder.ErrorType.SERVER_ERROR;

import org.apache.james.webadmin.utils.ErrorResponder;
import org.apppasswords.store.StoreUnavailableException;
import org.eclipse.jetty.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import spark.Service;

/**
 * Answers 503, in James's error shape, when the store cannot be reached, rather than Spark's 500.
 * Spark's exception handlers belong to the whole WebAdmin server, so James's own user routes
 * (whose removals and password changes reach our stores through the decorator) answer it too.
 * The database's own reason goes to the log, never to the client.
 */
final class StoreOutageAnswer {
    private static final Logger LOGGER = LoggerFactory.getLogger(StoreOutageAnswer.class);
    static final String RETRY_AFTER_SECONDS = "5";

    private StoreOutageAnswer() {
    }

    static void register(Service service) {
        service.exception(StoreUnavailableException.class, (exception, request, response) -> {
            LOGGER.warn("WebAdmin {} {} refused: {}", request.requestMethod(), request.pathInfo(), exception.getMessage());
            response.status(HttpStatus.SERVICE_UNAVAILABLE_503);
            response.header("Retry-After", RETRY_AFTER_SECONDS);
            response.body(ErrorResponder.builder()
                .statusCode(HttpStatus.SERVICE_UNAVAILABLE_503)
                .type(SERVER_ERROR)
                .message("The app passwords store is unavailable: retry later")
                .asString());
        });
    }
}
