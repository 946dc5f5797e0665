package org.apppasswords.apppassword;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AppPasswordIdTest {
    @Test
    void parseShouldAcceptFiveAlphabetSymbols() {
        assertThat(AppPasswordId.parse("na28s")).map(AppPasswordId::asString).contains("na28s");
    }

    @Test
    void parseShouldAcceptEdgesOfTheAlphabet() {
        assertThat(AppPasswordId.parse("0000z")).isPresent();
    }

    @Test
    void idsShouldBeEqualByValue() {
        assertThat(AppPasswordId.parse("na28s")).isEqualTo(AppPasswordId.parse("na28s"));
        assertThat(AppPasswordId.parse("na28s").get().hashCode()).isEqualTo(AppPasswordId.parse("na28s").get().hashCode());
        assertThat(AppPasswordId.parse("na28s")).isNotEqualTo(AppPasswordId.parse("na28t"));
    }

    @Test
    void toStringShouldReturnThePublicId() {
        assertThat(AppPasswordId.parse("na28s").get()).hasToString("na28s");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"..", "a/b", "%2F", "na28s0", "NA28S", "Na28s", "na28", "na2i8", "na2o8", "na2l8", "na2u8",
        "../..", "na/8s", "na%2f", "na28 ", " na28", "na-28", "na28s\n", "n\u0430\u0032\u0038s"})
    void parseShouldRejectAnythingButFiveLowercaseAlphabetSymbols(String value) {
        assertThat(AppPasswordId.parse(value)).isEmpty();
    }
}
