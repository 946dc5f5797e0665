package org.apppasswords.selfservice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

/**
 * Reads a request body that must be a JSON object of exactly the given string fields, and of
 * optional fields that are strings or arrays of strings. The size is checked before reading
 * ({@code Content-Length}) and while reading (chunked bodies), so a huge body is refused with 413
 * without ever being held whole. Wrong content type: 415; malformed JSON, duplicate, missing,
 * extra or mistyped fields: 400.
 */
final class JsonBody {
    /** Largest body accepted: the biggest legitimate one (a label and a password) is far smaller. */
    static final int MAX_BYTES = 8 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper()
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonBody() {
    }

    /** The fields of a body read: the strings required, and the optional arrays of strings present. */
    static final class Fields {
        private final Map<String, String> texts;
        private final Map<String, List<String>> lists;

        private Fields(Map<String, String> texts, Map<String, List<String>> lists) {
            this.texts = texts;
            this.lists = lists;
        }

        String get(String field) {
            return texts.get(field);
        }

        /** An optional string field: empty when absent. */
        Optional<String> optional(String field) {
            return Optional.ofNullable(texts.get(field));
        }

        Optional<List<String>> list(String field) {
            return Optional.ofNullable(lists.get(field));
        }
    }

    /** The string {@code fields}; fails with an {@link ApiError}. */
    static Mono<Fields> read(HttpServerRequest request, Set<String> fields) {
        return read(request, fields, Set.of());
    }

    /** The string {@code fields} and the {@code optionalLists} present; fails with an {@link ApiError}. */
    static Mono<Fields> read(HttpServerRequest request, Set<String> fields, Set<String> optionalLists) {
        return read(request, fields, Set.of(), optionalLists);
    }

    /** The string {@code fields}, and the {@code optionalTexts} and {@code optionalLists} present; fails with an {@link ApiError}. */
    static Mono<Fields> read(HttpServerRequest request, Set<String> fields, Set<String> optionalTexts, Set<String> optionalLists) {
        return Mono.defer(() -> {
            checkContentType(request.requestHeaders().get(HttpHeaderNames.CONTENT_TYPE));
            checkDeclaredLength(request.requestHeaders().get(HttpHeaderNames.CONTENT_LENGTH));
            return request.receive().asByteArray()
                .reduceWith(ByteArrayOutputStream::new, JsonBody::append)
                .map(out -> parse(out.toByteArray(), fields, optionalTexts, optionalLists));
        });
    }

    private static void checkContentType(String contentType) {
        if (contentType == null) {
            throw ApiError.unsupportedMediaType();
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().toLowerCase(Locale.ROOT).equals("application/json")) {
            throw ApiError.unsupportedMediaType();
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim().toLowerCase(Locale.ROOT).replace("\"", "");
            if (parameter.startsWith("charset=") && !parameter.equals("charset=utf-8")) {
                throw ApiError.unsupportedMediaType();
            }
        }
    }

    private static void checkDeclaredLength(String contentLength) {
        if (contentLength == null) {
            return;
        }
        long declared;
        try {
            declared = Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("Content-Length must be a number");
        }
        if (declared > MAX_BYTES) {
            throw ApiError.payloadTooLarge(MAX_BYTES);
        }
    }

    private static ByteArrayOutputStream append(ByteArrayOutputStream out, byte[] chunk) {
        if (out.size() + chunk.length > MAX_BYTES) {
            throw ApiError.payloadTooLarge(MAX_BYTES);
        }
        out.write(chunk, 0, chunk.length);
        return out;
    }

    static Fields parse(byte[] body, Set<String> fields) {
        return parse(body, fields, Set.of());
    }

    static Fields parse(byte[] body, Set<String> fields, Set<String> optionalLists) {
        return parse(body, fields, Set.of(), optionalLists);
    }

    static Fields parse(byte[] body, Set<String> fields, Set<String> optionalTexts, Set<String> optionalLists) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            // Jackson's message may quote the input, which may be a password: never shown.
            throw ApiError.badRequest("The request body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw ApiError.badRequest("The request body must be a JSON object with the fields " + new TreeSet<>(fields));
        }
        Map<String, String> values = new TreeMap<>();
        Map<String, List<String>> lists = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (optionalLists.contains(entry.getKey())) {
                lists.put(entry.getKey(), strings(entry.getKey(), entry.getValue()));
                continue;
            }
            if (!fields.contains(entry.getKey()) && !optionalTexts.contains(entry.getKey())) {
                throw ApiError.badRequest("Unknown field '" + printable(entry.getKey()) + "': "
                    + expected(fields, new TreeSet<>(union(optionalTexts, optionalLists))));
            }
            if (!entry.getValue().isTextual()) {
                throw ApiError.badRequest("The field '" + entry.getKey() + "' must be a string");
            }
            values.put(entry.getKey(), entry.getValue().textValue());
        }
        for (String field : fields) {
            if (!values.containsKey(field)) {
                throw missingField(field, fields);
            }
        }
        return new Fields(values, lists);
    }

    private static Set<String> union(Set<String> one, Set<String> other) {
        Set<String> both = new TreeSet<>(one);
        both.addAll(other);
        return both;
    }

    private static List<String> strings(String field, JsonNode array) {
        List<String> strings = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(element -> strings.add(element.isTextual() ? element.textValue() : null));
        }
        if (!array.isArray() || strings.contains(null)) {
            throw ApiError.badRequest("The field '" + field + "' must be an array of strings");
        }
        return strings;
    }

    private static String expected(Set<String> fields, Set<String> optionalLists) {
        String required = "expected exactly " + new TreeSet<>(fields);
        return optionalLists.isEmpty() ? required : required + ", and optionally " + new TreeSet<>(optionalLists);
    }

    /** The answer to a body without {@code field}, one of the {@code fields} expected. */
    static ApiError missingField(String field, Set<String> fields) {
        return ApiError.badRequest("Missing field '" + field + "': expected exactly " + new TreeSet<>(fields));
    }

    /** Field names are echoed to help the user; cut and stripped of control characters. */
    private static String printable(String name) {
        String cut = name.length() > 32 ? name.substring(0, 32) + "..." : name;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
