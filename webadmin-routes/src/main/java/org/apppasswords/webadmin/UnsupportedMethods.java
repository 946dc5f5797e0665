package org.apppasswords.webadmin;

import static org.apache.james.webadmin.utils.ErrorResponder.ErrorType.INVALID_ARGUMENT;

import org.apache.james.webadmin.utils.ErrorResponder;
import org.eclipse.jetty.http.HttpStatus;

import spark.Route;
import spark.Service;

/**
 * Answers 405 in James's error shape, with an {@code Allow} header, to the methods a path does not
 * support. Without it Spark would answer 404 "can not be found", which hides that the path is right
 * and only the method is not (admins may try to create an app password: only users can).
 */
final class UnsupportedMethods {
    private UnsupportedMethods() {
    }

    static void refuse(Service service, String path, String allowed, String why, String... methods) {
        Route refusal = (request, response) -> {
            response.header("Allow", allowed);
            throw ErrorResponder.builder()
                .statusCode(HttpStatus.METHOD_NOT_ALLOWED_405)
                .type(INVALID_ARGUMENT)
                .message("%s is not supported on this route (allowed: %s). %s", request.requestMethod(), allowed, why)
                .haltError();
        };
        for (String method : methods) {
            switch (method) {
                case "GET":
                    service.get(path, refusal);
                    break;
                case "POST":
                    service.post(path, refusal);
                    break;
                case "PUT":
                    service.put(path, refusal);
                    break;
                case "PATCH":
                    service.patch(path, refusal);
                    break;
                default:
                    throw new IllegalArgumentException("No refusal defined for " + method);
            }
        }
    }
}
