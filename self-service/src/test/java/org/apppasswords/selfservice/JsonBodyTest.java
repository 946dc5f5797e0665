package org.apppasswords.selfservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.netty.handler.codec.http.HttpResponseStatus;

class JsonBodyTest {
    private static final Set<String> FIELDS = Set.of("label", "password");

    private static JsonBody.Fields parse(String body) {
        return JsonBody.parse(body.getBytes(StandardCharsets.UTF_8), FIELDS);
    }

    @Test
    void parseShouldReturnExactlyTheExpectedStringFields() {
        JsonBody.Fields fields = parse("{\"label\": \"Mail\", \"password\": \"secret value\"}");

        assertThat(fields.get("label")).isEqualTo("Mail");
        assertThat(fields.get("password")).isEqualTo("secret value");
    }

    @Test
    void anOptionalListShouldBeReadWhenPresentOnly() {
        Set<String> lists = Set.of("protocols");

        assertThat(JsonBody.parse("{\"label\": \"a\", \"password\": \"b\", \"protocols\": [\"smtp\", \"imap\"]}"
            .getBytes(StandardCharsets.UTF_8), FIELDS, lists).list("protocols")).contains(List.of("smtp", "imap"));
        assertThat(JsonBody.parse("{\"label\": \"a\", \"password\": \"b\"}".getBytes(StandardCharsets.UTF_8), FIELDS, lists)
            .list("protocols")).isEmpty();
    }

    @Test
    void anOptionalStringShouldBeReadWhenPresentOnly() {
        byte[] with = "{\"label\": \"a\", \"password\": \"b\", \"device\": \"apple\"}".getBytes(StandardCharsets.UTF_8);
        byte[] without = "{\"label\": \"a\", \"password\": \"b\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(JsonBody.parse(with, FIELDS, Set.of("device"), Set.of()).optional("device")).contains("apple");
        assertThat(JsonBody.parse(without, FIELDS, Set.of("device"), Set.of()).optional("device")).isEmpty();
    }

    @Test
    void anOptionalStringOfAnotherTypeShouldBeRefusedNamingIt() {
        byte[] body = "{\"label\": \"a\", \"password\": \"b\", \"device\": 1}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> JsonBody.parse(body, FIELDS, Set.of("device"), Set.of()))
            .isInstanceOf(ApiError.class).hasMessageContaining("'device' must be a string");
    }

    @Test
    void anUnknownFieldShouldBeRefusedNamingTheOptionalOnes() {
        byte[] body = "{\"label\": \"a\", \"password\": \"b\", \"devise\": \"apple\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> JsonBody.parse(body, FIELDS, Set.of("device"), Set.of("protocols")))
            .isInstanceOf(ApiError.class).hasMessageContaining("Unknown field 'devise'").hasMessageContaining("[device, protocols]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"smtp\"", "[1]", "[\"smtp\", null]", "{}", "null", "[[\"smtp\"]]"})
    void anOptionalListOfAnythingButStringsShouldBeRefusedNamingIt(String value) {
        byte[] body = ("{\"label\": \"a\", \"password\": \"b\", \"protocols\": " + value + "}").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> JsonBody.parse(body, FIELDS, Set.of("protocols")))
            .isInstanceOfSatisfying(ApiError.class, error -> assertThat(error.status()).isEqualTo(HttpResponseStatus.BAD_REQUEST))
            .hasMessage("The field 'protocols' must be an array of strings");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "nope", "[]", "\"x\"", "42", "null", "{\"label\": \"a\"}", "{\"label\": \"a\", \"password\": \"b\", \"x\": \"c\"}",
        "{\"label\": 1, \"password\": \"b\"}", "{\"label\": \"a\", \"password\": {}}", "{\"label\": \"a\", \"label\": \"a\", \"password\": \"b\"}",
        "{\"label\": \"a\", \"password\": \"b\"} []"})
    void parseShouldRefuseAnythingElseWith400(String body) {
        assertThatThrownBy(() -> parse(body))
            .isInstanceOfSatisfying(ApiError.class, error -> assertThat(error.status()).isEqualTo(HttpResponseStatus.BAD_REQUEST));
    }

    @Test
    void parseShouldNameTheMissingField() {
        assertThatThrownBy(() -> parse("{\"label\": \"Mail\"}"))
            .hasMessage("Missing field 'password': expected exactly [label, password]");
        assertThatThrownBy(() -> JsonBody.parse("{}".getBytes(StandardCharsets.UTF_8), Set.of("password")))
            .hasMessage("Missing field 'password': expected exactly [password]");
    }

    @Test
    void parseShouldNotEchoTheBodyOfMalformedJson() {
        assertThatThrownBy(() -> parse("{\"label\": \"a\", \"password\": \"Hunter2-secret"))
            .hasMessageNotContaining("Hunter2");
    }
}
