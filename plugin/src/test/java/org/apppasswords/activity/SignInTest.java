package org.apppasswords.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SignInTest {
    private static final Instant AT = Instant.parse("2026-12-05T10:00:00Z");

    private static SignIn labelled(String label) {
        return new SignIn(AT, "IMAP", Optional.of("203.0.113.7"), SignIn.Method.APP_PASSWORD, Optional.of("qd3k7"), Optional.of(label),
            SignIn.Outcome.SUCCESS);
    }

    @Test
    void aLabelOfSixtyFourEmojiShouldBeKeptWhole() {
        String label = "📱".repeat(SignIn.MAX_LABEL_LENGTH);

        assertThat(labelled(label).label()).contains(label);
    }

    @Test
    void aLongerLabelShouldBeCutBetweenCodePointsNotInsideOne() {
        String label = "a" + "📱".repeat(SignIn.MAX_LABEL_LENGTH);

        String kept = labelled(label).label().get();

        assertThat(kept).isEqualTo("a" + "📱".repeat(SignIn.MAX_LABEL_LENGTH - 1));
        assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1))).isFalse();
    }

    @Test
    void aLongPlainLabelShouldBeCutToSixtyFourCharacters() {
        assertThat(labelled("x".repeat(100)).label()).contains("x".repeat(SignIn.MAX_LABEL_LENGTH));
    }

    @Test
    void asJsonShouldGiveTheShapeOfTheActivityRoutes() {
        assertThat(labelled("Phone").asJson()).containsExactly(
            entry("at", "2026-12-05T10:00:00Z"), entry("protocol", "IMAP"), entry("address", "203.0.113.7"),
            entry("method", "app-password"), entry("appPasswordId", "qd3k7"), entry("label", "Phone"), entry("outcome", "success"));
    }

    @Test
    void asJsonShouldGiveNullForWhatIsNotKnown() {
        SignIn bare = new SignIn(AT, "-", Optional.empty(), SignIn.Method.PASSWORD_AND_RECOVERY_CODE, Optional.empty(), Optional.empty(),
            SignIn.Outcome.LOCKED);

        assertThat(bare.asJson()).containsEntry("address", null).containsEntry("appPasswordId", null).containsEntry("label", null)
            .containsEntry("method", "password+recovery-code").containsEntry("outcome", "locked");
    }

    @Test
    void apiNamesShouldReadBackAsTheirConstantAndNothingElse() {
        for (SignIn.Method method : SignIn.Method.values()) {
            assertThat(SignIn.Method.fromApiName(method.apiName())).contains(method);
        }
        for (SignIn.Outcome outcome : SignIn.Outcome.values()) {
            assertThat(SignIn.Outcome.fromApiName(outcome.apiName())).contains(outcome);
        }
        assertThat(SignIn.Method.fromApiName("PASSWORD")).isEmpty();
        assertThat(SignIn.Outcome.fromApiName("")).isEmpty();
    }

    @Test
    void aKeptSignInShouldHoldOnlyWhatAProtocolNameAndAnAddressMayHold() {
        SignIn raw = new SignIn(AT, "IMAP\u001b[31m\n<b>" + "X".repeat(40), Optional.of("[2001:db8::1]\r\nforged=1"),
            SignIn.Method.PASSWORD, Optional.empty(), Optional.empty(), SignIn.Outcome.REFUSED);

        SignIn kept = raw.kept();

        assertThat(kept.protocol()).matches("[A-Za-z0-9_-]{1,32}").startsWith("IMAP31");
        assertThat(kept.address()).contains("2001:db8::1fed1");
        assertThat(new SignIn(AT, "\n", Optional.of("zz"), SignIn.Method.PASSWORD, Optional.empty(), Optional.empty(),
            SignIn.Outcome.REFUSED).kept()).satisfies(nothingLeft -> {
                assertThat(nothingLeft.protocol()).isEqualTo("-");
                assertThat(nothingLeft.address()).isEmpty();
            });
    }

    private static Map.Entry<String, Object> entry(String key, Object value) {
        return new AbstractMap.SimpleEntry<>(key, value);
    }
}
