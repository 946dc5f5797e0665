package org.apppasswords.apppassword;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.apppasswords.apppassword.AppPasswordId;
import org.junit.jupiter.api.Test;

class StoredAppPasswordTest {
    private static final String SALT = "j8E39LPvjeXtRtA/Lm2Y7w";
    private static final String DIGEST = "Xt+JnKbQvL5pi/b3LSAE7UC49qqzYpTQB2tC8Ve4k/U";
    private static final StoredAppPassword ENTRY = StoredAppPassword.created(AppPasswordId.parse("na28s").orElseThrow(), "iPhone Mail",
        "$sha256$" + SALT + "$" + DIGEST, Instant.parse("2024-03-01T12:00:00Z"));

    @Test
    void toStringShouldNotContainTheHash() {
        assertThat(ENTRY.toString())
            .doesNotContain(ENTRY.encodedHash())
            .doesNotContain(SALT)
            .doesNotContain(DIGEST)
            .doesNotContain("sha256");
    }

    @Test
    void toStringShouldShowTheIdAndLabel() {
        assertThat(ENTRY.toString()).contains("na28s").contains("iPhone Mail");
    }

    @Test
    void usedAtShouldKeepEverythingButTheLastUse() {
        Instant used = Instant.parse("2024-03-02T08:00:00Z");

        StoredAppPassword usedEntry = ENTRY.usedAt(used);

        assertThat(usedEntry.lastUsedAt()).contains(used);
        assertThat(usedEntry.id()).isEqualTo(ENTRY.id());
        assertThat(usedEntry.label()).isEqualTo(ENTRY.label());
        assertThat(usedEntry.encodedHash()).isEqualTo(ENTRY.encodedHash());
        assertThat(usedEntry.createdAt()).isEqualTo(ENTRY.createdAt());
        assertThat(ENTRY.lastUsedAt()).isEmpty();
    }
}
