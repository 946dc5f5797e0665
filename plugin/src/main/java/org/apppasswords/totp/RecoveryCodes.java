package org.apppasswords.totp;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.apppasswords.apppassword.TokenAlphabet;

/**
 * Generates and recognises recovery codes: {@value #COUNT} per enrolment, each 12 symbols of
 * {@link TokenAlphabet} (60 bits), which holds no {@code $}, so {@code primary$CODE} still
 * splits at the last {@code $}. Input is normalised like an app password (whitespace and dashes
 * removed, lower-cased), so {@code 7HQ2-X9MC-4KD0} is recognised as {@code 7hq2x9mc4kd0}.
 *
 * <p>{@link #recognise(String)} checks the shape only (no checksum, no stored state); whether a
 * code is valid and unused is the store's business, with a constant-time hash comparison.
 */
public final class RecoveryCodes {
    /** Codes per enrolment. */
    public static final int COUNT = 10;
    /** Symbols per code: 12 * 5 = 60 bits. */
    public static final int LENGTH = 12;

    private final SecureRandom random;

    public RecoveryCodes(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** {@value #COUNT} new, pairwise distinct codes. Secret. */
    public List<RecoveryCode> generate() {
        Set<String> codes = new LinkedHashSet<>();
        while (codes.size() < COUNT) {
            codes.add(TokenAlphabet.randomString(random, LENGTH));
        }
        List<RecoveryCode> result = new ArrayList<>(COUNT);
        for (String code : codes) {
            result.add(new RecoveryCode(code));
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * The normalised 12-symbol code when {@code presented} has the shape of a recovery code
     * after normalisation; empty otherwise (including null). The result is secret.
     */
    public static Optional<String> recognise(String presented) {
        String normalised = TokenAlphabet.normalise(presented);
        if (normalised.length() != LENGTH || !TokenAlphabet.consistsOfSymbols(normalised)) {
            return Optional.empty();
        }
        return Optional.of(normalised);
    }
}
