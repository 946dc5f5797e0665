package org.apppasswords.apppassword;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * The 32-symbol alphabet shared by app passwords and recovery codes: Crockford-style lowercase
 * base32, {@code 0123456789abcdefghjkmnpqrstvwxyz}.
 *
 * <p>It leaves out {@code i}, {@code l}, {@code o} and {@code u}, so no two symbols look alike,
 * and it holds no IMAP atom-special, no space and no {@code $} (the separator of
 * {@code primary$CODE}). Each symbol carries exactly 5 bits, so drawing symbols from
 * {@link SecureRandom} as {@code byte & 31} is unbiased.
 *
 * <p>This class holds no secret; the strings it draws are secret to whoever asked for them.
 */
public final class TokenAlphabet {
    /** The symbols, in value order: symbol {@code n} encodes the 5-bit value {@code n}. */
    public static final String SYMBOLS = "0123456789abcdefghjkmnpqrstvwxyz";

    /** Bits carried by one symbol. */
    public static final int BITS_PER_SYMBOL = 5;

    private static final int MASK = 31;

    private TokenAlphabet() {
    }

    /** True when {@code c} is one of the 32 symbols (lowercase only). */
    public static boolean isSymbol(char c) {
        return SYMBOLS.indexOf(c) >= 0;
    }

    /** True when every character of {@code value} is a symbol; false for null. */
    public static boolean consistsOfSymbols(CharSequence value) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (!isSymbol(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Draws {@code length} independent, uniformly distributed symbols ({@code 5 * length} bits
     * of entropy). The result is secret to the caller.
     */
    public static String randomString(SecureRandom random, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative");
        }
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        StringBuilder builder = new StringBuilder(length);
        for (byte b : bytes) {
            // 256 is a multiple of 32, so the low 5 bits of a uniform byte are uniform.
            builder.append(SYMBOLS.charAt(b & MASK));
        }
        return builder.toString();
    }

    /**
     * The shared input normalisation: removes whitespace and {@code -}, then lower-cases with
     * {@link Locale#ROOT}. Nothing else (no {@code o} to {@code 0} mapping). Null gives "".
     */
    public static String normalise(String presented) {
        if (presented == null) {
            return "";
        }
        StringBuilder builder = new StringBuilder(presented.length());
        for (int i = 0; i < presented.length(); i++) {
            char c = presented.charAt(i);
            if (c != '-' && !Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                builder.append(c);
            }
        }
        return builder.toString().toLowerCase(Locale.ROOT);
    }

    static char symbol(int value) {
        return SYMBOLS.charAt(value & MASK);
    }

    /** Groups {@code value} in runs of {@code size} characters joined by {@code -}. */
    static String group(String value, int size) {
        StringBuilder builder = new StringBuilder(value.length() + value.length() / size);
        for (int i = 0; i < value.length(); i += size) {
            if (i > 0) {
                builder.append('-');
            }
            builder.append(value, i, Math.min(value.length(), i + size));
        }
        return builder.toString();
    }
}
