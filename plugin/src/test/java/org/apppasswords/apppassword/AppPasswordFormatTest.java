package org.apppasswords.apppassword;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AppPasswordFormatTest {
    // Checksums computed independently with Python's zlib.crc32 (low 30 bits, 6 symbols).
    private static final String KNOWN = "japna28seyehv2qbawgfpa7ttgebyy5qvx02pjy1";
    private static final String KNOWN_ZEROES = "jap0000000000000000000000000000000my9ysr";

    private final AppPasswordGenerator generator = new AppPasswordGenerator(new SecureRandom());

    @Test
    void recogniseShouldAcceptKnownAnswerTokens() {
        assertThat(AppPasswordFormat.recognise(KNOWN)).map(AppPassword::reveal).contains(KNOWN);
        assertThat(AppPasswordFormat.recognise(KNOWN_ZEROES)).map(AppPassword::reveal).contains(KNOWN_ZEROES);
    }

    @Test
    void recogniseShouldExposeThePublicId() {
        assertThat(AppPasswordFormat.recognise(KNOWN)).map(p -> p.id().asString()).contains("na28s");
    }

    @Test
    void recogniseShouldAcceptGeneratedTokensInEveryPresentation() {
        for (int i = 0; i < 100; i++) {
            AppPassword password = generator.generate();
            String display = password.revealForDisplay();
            assertThat(AppPasswordFormat.recognise(password.reveal())).map(AppPassword::reveal).contains(password.reveal());
            assertThat(AppPasswordFormat.recognise(display)).map(AppPassword::reveal).contains(password.reveal());
            assertThat(AppPasswordFormat.recognise(display.toUpperCase(Locale.ROOT))).isPresent();
            assertThat(AppPasswordFormat.recognise(display.replace('-', ' '))).isPresent();
            assertThat(AppPasswordFormat.recognise(" " + display.replace("-", " \t")  + "\n")).isPresent();
        }
    }

    @Test
    void normaliseShouldRemoveSpacesAndDashesAndLowerCase() {
        assertThat(AppPasswordFormat.normalise(" JAPna-28 sey\t")).isEqualTo("japna28sey");
    }

    @Test
    void normaliseShouldMapNullToEmpty() {
        assertThat(AppPasswordFormat.normalise(null)).isEmpty();
    }

    @Test
    void normaliseShouldNotMapLookAlikes() {
        assertThat(AppPasswordFormat.normalise("OIL")).isEqualTo("oil");
    }

    @Test
    void recogniseShouldRejectAnySingleSymbolChange() {
        for (int position = 0; position < KNOWN.length(); position++) {
            for (char replacement : TokenAlphabet.SYMBOLS.toCharArray()) {
                if (replacement == KNOWN.charAt(position)) {
                    continue;
                }
                String altered = KNOWN.substring(0, position) + replacement + KNOWN.substring(position + 1);
                assertThat(AppPasswordFormat.recognise(altered)).as("position %d", position).isEmpty();
            }
        }
    }

    @Test
    void recogniseShouldRejectAnyChangeInTheSecretOfGeneratedTokens() {
        AppPassword password = generator.generate();
        String token = password.reveal();
        for (int position = 8; position < 34; position++) {
            char replacement = token.charAt(position) == 'a' ? 'b' : 'a';
            String altered = token.substring(0, position) + replacement + token.substring(position + 1);
            assertThat(AppPasswordFormat.recognise(altered)).as("position %d", position).isEmpty();
        }
    }

    @Test
    void recogniseShouldRejectWrongPrefix() {
        String body = "jab" + KNOWN.substring(3, 34);
        assertThat(AppPasswordFormat.recognise(body + AppPasswordFormat.checksum(body))).isEmpty();
    }

    @Test
    void recogniseShouldRejectTruncatedToken() {
        assertThat(AppPasswordFormat.recognise(KNOWN.substring(0, 39))).isEmpty();
        assertThat(AppPasswordFormat.recognise(KNOWN.substring(1))).isEmpty();
    }

    @Test
    void recogniseShouldRejectExtendedToken() {
        assertThat(AppPasswordFormat.recognise(KNOWN + "$123456")).isEmpty();
        assertThat(AppPasswordFormat.recognise(KNOWN + "0")).isEmpty();
        assertThat(AppPasswordFormat.recognise("0" + KNOWN)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(chars = {'i', 'l', 'o', 'u', 'I', 'L', 'O', 'U', '$', '.', '_', '+', '/', '='})
    void recogniseShouldRejectCharactersOutsideTheAlphabet(char outsider) {
        String altered = KNOWN.substring(0, 10) + outsider + KNOWN.substring(11);
        assertThat(AppPasswordFormat.recognise(altered)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "---", "jap", "password", "secret$123456"})
    void recogniseShouldRejectNonTokens(String presented) {
        assertThat(AppPasswordFormat.recognise(presented)).isEmpty();
    }
}
