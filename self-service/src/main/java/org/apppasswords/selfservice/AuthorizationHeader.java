package org.apppasswords.selfservice;

import java.util.List;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.netty.http.server.HttpServerRequest;

/**
 * The credentials a request carries. Two {@code Authorization} headers count as none: which one
 * names the caller is ambiguous (a proxy reading the last would disagree with a server reading the
 * first), so such a request is refused like one without credentials.
 */
final class AuthorizationHeader {
    private AuthorizationHeader() {
    }

    /** The request's only {@code Authorization} header, or null when it has none or several. */
    static String single(HttpServerRequest request) {
        List<String> values = request.requestHeaders().getAll(HttpHeaderNames.AUTHORIZATION);
        return values.size() == 1 ? values.get(0) : null;
    }
}
