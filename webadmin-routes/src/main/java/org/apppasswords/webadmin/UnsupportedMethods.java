package org.apppasswords.webadmin;

import static org.apache.james.webadmin.utils.ErrorResponder.ErrorType.INVALID_ARGUMENT;

import org.apache.james.webadmin.utils.ErrorResponder;
import org.eclipse.jetty.http.HttpStatus;

import spark.Route;

/**
 * Answers 405 in James's error shape, with an {@code Allow} header, to the methods a path does not
 * support. Without it Spark would answer 404 "can not be found", which hides that the path is right
 * and only the method is not (admins may try to create an app password: only users can).
 */
final class UnsupportedMethods {
    /** One of Spark's route definers, such as {@code service::post}. */
    interface Definer {
        void define(String path, Route route);
    }

    private UnsupportedMethods() {
    }

    static void refuse(String path, String allowed, String why, Definer... methods) {
        Route refusal = (request, response) -> {
            response.header("Allow", allowed);
            throw ErrorResponder.builder()
                .statusCode(HttpStatus.METHOD_NOT_ALLOWED_405)
                .type(INVALID_ARGUMENT)
                .message("%s is not supported on this route (allowed: %s). %s", request.requestMethod(), allowed, why)
                .haltError();
        };
        for (Definer method : methods) {
            method.define(path, refusal);
        }
    }
}
