package org.apppasswords.store.jdbc;

import java.util.Arrays;
import java.util.List;

/** The {@code spent_codes} column: fingerprints (URL-safe base64, never a comma) joined by commas, '' for none. */
final class SpentCodes {
    private SpentCodes() {
    }

    static String format(List<String> fingerprints) {
        return String.join(",", fingerprints);
    }

    static List<String> parse(String column) {
        return column == null || column.isEmpty() ? List.of() : Arrays.asList(column.split(","));
    }
}
