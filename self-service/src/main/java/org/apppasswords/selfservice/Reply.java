package org.apppasswords.selfservice;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/**
 * One answer of the self-service API: a status, extra headers and an optional body, JSON but for
 * {@link #attachment downloads}. Every answer says {@code Cache-Control: no-store}: several carry
 * secrets shown once.
 */
final class Reply {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json; charset=utf-8";

    private final HttpResponseStatus status;
    private final Map<String, String> headers;
    private final byte[] body;
    private final String contentType;

    private Reply(HttpResponseStatus status, Map<String, String> headers, byte[] body) {
        this(status, headers, body, JSON_TYPE);
    }

    private Reply(HttpResponseStatus status, Map<String, String> headers, byte[] body, String contentType) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.contentType = contentType;
    }

    /** 200 with {@code body} of {@code contentType}, to be saved as {@code fileName} (plain ASCII, no quotes). */
    static Reply attachment(byte[] body, String contentType, String fileName) {
        return new Reply(HttpResponseStatus.OK, Map.of("Content-Disposition", "attachment; filename=\"" + fileName + "\""), body,
            contentType);
    }

    static Reply json(HttpResponseStatus status, Object body) {
        try {
            return new Reply(status, Map.of(), JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a JSON answer", e);
        }
    }

    static Reply ok(Object body) {
        return json(HttpResponseStatus.OK, body);
    }

    static Reply noContent() {
        return new Reply(HttpResponseStatus.NO_CONTENT, Map.of(), null);
    }

    static Reply error(ApiError error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statusCode", error.status().code());
        body.put("type", error.type());
        body.put("message", error.getMessage());
        Reply reply = json(error.status(), body);
        return new Reply(reply.status, error.headers(), reply.body);
    }

    /** This reply with one more header. */
    Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, more, body, contentType);
    }

    HttpResponseStatus status() {
        return status;
    }

    Mono<Void> send(HttpServerResponse response) {
        // nosniff: a browser never reads an answer as anything but its declared type (a JSON error echoing input as HTML).
        HttpServerResponse answer = response.status(status).header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
        for (Map.Entry<String, String> header : headers.entrySet()) {
            answer = answer.header(header.getKey(), header.getValue());
        }
        if (body == null) {
            return answer.send().then();
        }
        return answer.header("Content-Type", contentType)
            .sendByteArray(Mono.just(body))
            .then();
    }
}
