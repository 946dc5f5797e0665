package org.apppasswords.e2e;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apppasswords.totp.TotpSecret;

/**
 * Looks for plaintext secrets in the bytes of a database file or dump: every form a secret could
 * take there (as typed, as displayed, upper and lower case, a TOTP seed's raw bytes and base32).
 * Reports what it found by label only, never the secret.
 */
final class StoredSecretsScan {
    private final Map<String, byte[]> needles = new LinkedHashMap<>();

    StoredSecretsScan text(String label, String secret) {
        needles.put(label, secret.getBytes(StandardCharsets.UTF_8));
        needles.put(label + " (upper case)", secret.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        needles.put(label + " (lower case)", secret.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    StoredSecretsScan totpSeed(String label, TotpSecret secret) {
        text(label + " base32", secret.revealBase32());
        needles.put(label + " raw bytes", secret.revealBytes());
        return this;
    }

    /** Labels of the secrets present in {@code haystack}. */
    List<String> foundIn(byte[] haystack) {
        List<String> found = new ArrayList<>();
        needles.forEach((label, needle) -> {
            if (indexOf(haystack, needle) >= 0) {
                found.add(label);
            }
        });
        return found;
    }

    static boolean contains(byte[] haystack, String text) {
        return indexOf(haystack, text.getBytes(StandardCharsets.UTF_8)) >= 0;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
