package org.apppasswords.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BasicCredentialsTest {
    private static String basic(String userColonPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parseShouldSplitAtTheFirstColon() {
        BasicCredentials credentials = BasicCredentials.parse(basic("alice@example.org:pass:word$123456")).orElseThrow();

        assertThat(credentials.user().asString()).isEqualTo("alice@example.org");
        assertThat(credentials.revealPassword()).isEqualTo("pass:word$123456");
    }

    @Test
    void parseShouldReadUtf8() {
        assertThat(BasicCredentials.parse(basic("bob@example.org:Pässwörd")).orElseThrow().revealPassword()).isEqualTo("Pässwörd");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Basic", "Basic !!!", "Bearer YTpi", "Basic bm9jb2xvbg==", "Basic OnBhc3N3b3Jk", "Basic //79"})
    void parseShouldRefuseMalformedHeaders(String header) {
        assertThat(BasicCredentials.parse(header)).isEmpty();
    }

    @Test
    void parseShouldRefuseANameJamesRefuses() {
        assertThat(BasicCredentials.parse(basic("a@b@c:password"))).isEmpty();
    }

    @Test
    void toStringShouldNotLeakThePassword() {
        assertThat(BasicCredentials.parse(basic("alice@example.org:Hunter2-secret")).orElseThrow().toString())
            .contains("alice@example.org").doesNotContain("Hunter2");
    }
}
