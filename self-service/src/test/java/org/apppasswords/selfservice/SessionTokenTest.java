package org.apppasswords.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SessionTokenTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void generateShouldGive43Base64UrlSymbolsOf256Bits() {
        assertThat(SessionToken.generate(random).reveal()).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void generateShouldNeverRepeat() {
        assertThat(SessionToken.generate(random).reveal()).isNotEqualTo(SessionToken.generate(random).reveal());
    }

    @Test
    void digestShouldBeTheHexSha256OfTheToken() {
        SessionToken token = SessionToken.fromAuthorizationHeader("Bearer " + "A".repeat(43)).orElseThrow();

        // printf 'A%.0s' {1..43} | sha256sum
        assertThat(token.digest()).isEqualTo("0f007385b6f9d4b7eeb2748605afe1a984a0a3bfa3f014d09e2a784ce9e5cd1a");
    }

    @Test
    void fromAuthorizationHeaderShouldReadTheTokenBack() {
        SessionToken token = SessionToken.generate(random);

        assertThat(SessionToken.fromAuthorizationHeader("Bearer " + token.reveal()).orElseThrow().digest()).isEqualTo(token.digest());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Bearer", "Bearer ", "Basic YTpi", "Bearer short", "Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+"})
    void fromAuthorizationHeaderShouldRefuseAnythingElse(String header) {
        assertThat(SessionToken.fromAuthorizationHeader(header)).isEmpty();
    }

    @Test
    void toStringShouldNotLeakTheToken() {
        SessionToken token = SessionToken.generate(random);

        assertThat(token.toString()).isEqualTo("[REDACTED]").doesNotContain(token.reveal());
    }
}
