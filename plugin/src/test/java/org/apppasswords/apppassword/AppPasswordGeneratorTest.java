package org.apppasswords.apppassword;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AppPasswordGeneratorTest {
    private final AppPasswordGenerator generator = new AppPasswordGenerator(new SecureRandom());

    @Test
    void generateShouldProduceFortySymbolsWithPrefix() {
        String token = generator.generate().reveal();

        assertThat(token).hasSize(40).startsWith(AppPasswordFormat.PREFIX);
        assertThat(TokenAlphabet.consistsOfSymbols(token)).isTrue();
    }

    @Test
    void generateShouldCarryAtLeast128BitsOfSecret() {
        assertThat(AppPasswordFormat.SECRET_LENGTH).isEqualTo(26);
        assertThat(AppPasswordFormat.SECRET_LENGTH * TokenAlphabet.BITS_PER_SYMBOL).isGreaterThanOrEqualTo(128);
        assertThat(TokenAlphabet.SYMBOLS).hasSize(1 << TokenAlphabet.BITS_PER_SYMBOL);
    }

    @Test
    void generateShouldEmbedTheIdAfterThePrefix() {
        AppPassword password = generator.generate();

        assertThat(password.reveal().substring(3, 8)).isEqualTo(password.id().asString());
    }

    @Test
    void generateShouldProduceDistinctTokens() {
        Set<String> tokens = new HashSet<>();
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = generator.generate().reveal();
            tokens.add(token);
            secrets.add(token.substring(8, 34));
        }
        assertThat(tokens).hasSize(1000);
        assertThat(secrets).hasSize(1000);
    }

    @Test
    void generateShouldUseEverySymbolOfTheAlphabet() {
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            for (char c : generator.generate().reveal().substring(8, 34).toCharArray()) {
                seen.add(c);
            }
        }
        assertThat(seen).hasSize(32);
    }

    @Test
    void revealForDisplayShouldGroupByFive() {
        AppPassword password = generator.generate();
        String display = password.revealForDisplay();

        assertThat(display).matches("([0-9a-z]{5}-){7}[0-9a-z]{5}");
        assertThat(display.replace("-", "")).isEqualTo(password.reveal());
    }
}
