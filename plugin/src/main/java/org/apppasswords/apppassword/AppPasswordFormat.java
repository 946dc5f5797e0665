package org.apppasswords.apppassword;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The shape of an app password, which decides the login path (DESIGN.md "Login rules" 1).
 *
 * <pre>
 *   jap    | na28s | eyehv2qbawgfpa7ttgebyy5qvx | 02pjy1
 *   prefix | id    | secret: 26 symbols, 130 b  | checksum: 30 bits
 * </pre>
 *
 * All 40 characters come from {@link TokenAlphabet}. The checksum is the CRC32 of the ASCII
 * bytes of prefix + id + secret, low 30 bits, written as 6 symbols, most significant first. It
 * refuses typos and non-tokens without touching storage and lets scanners spot leaked tokens; it
 * is not a security control (anyone can compute it).
 *
 * <p>{@link #recognise(String)} looks only at its input: no stored state, no hashing, so the
 * choice of path leaks nothing secret and costs microseconds.
 */
public final class AppPasswordFormat {
    /** Fixed prefix of every app password. */
    public static final String PREFIX = "jap";
    /** Symbols of secret: 26 * 5 = 130 bits. */
    public static final int SECRET_LENGTH = 26;
    /** Symbols of checksum: 6 * 5 = 30 bits. */
    public static final int CHECKSUM_LENGTH = 6;
    /** Length of the normalised token. */
    public static final int LENGTH = PREFIX.length() + AppPasswordId.LENGTH + SECRET_LENGTH + CHECKSUM_LENGTH;

    private static final int CHECKSUM_BITS = CHECKSUM_LENGTH * TokenAlphabet.BITS_PER_SYMBOL;
    private static final long CHECKSUM_MASK = (1L << CHECKSUM_BITS) - 1;

    private AppPasswordFormat() {
    }

    /**
     * Removes whitespace and dashes and lower-cases with {@link java.util.Locale#ROOT}; null
     * gives "". The result is as secret as the input.
     */
    public static String normalise(String presented) {
        return TokenAlphabet.normalise(presented);
    }

    /**
     * The app password when the normalised input is 40 characters long, starts with
     * {@link #PREFIX}, uses only the alphabet and carries a valid checksum; empty otherwise
     * (never an exception). Presence says nothing about whether the token exists or is active.
     */
    public static Optional<AppPassword> recognise(String presented) {
        String token = normalise(presented);
        if (token.length() != LENGTH
            || !token.startsWith(PREFIX)
            || !TokenAlphabet.consistsOfSymbols(token)) {
            return Optional.empty();
        }
        int bodyLength = LENGTH - CHECKSUM_LENGTH;
        byte[] expected = checksum(token.substring(0, bodyLength)).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = token.substring(bodyLength).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, actual)) {
            return Optional.empty();
        }
        String id = token.substring(PREFIX.length(), PREFIX.length() + AppPasswordId.LENGTH);
        return AppPasswordId.parse(id).map(parsed -> new AppPassword(parsed, token));
    }

    /** Builds the full token from an id and a secret, appending the checksum. */
    static AppPassword assemble(AppPasswordId id, String secret) {
        if (secret.length() != SECRET_LENGTH || !TokenAlphabet.consistsOfSymbols(secret)) {
            throw new IllegalArgumentException("secret must be " + SECRET_LENGTH + " alphabet symbols");
        }
        String body = PREFIX + id.asString() + secret;
        return new AppPassword(id, body + checksum(body));
    }

    /** The 6-symbol checksum of prefix + id + secret. */
    static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue() & CHECKSUM_MASK;
        char[] symbols = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            symbols[i] = TokenAlphabet.symbol((int) value);
            value >>>= TokenAlphabet.BITS_PER_SYMBOL;
        }
        return new String(symbols);
    }
}
