package org.apppasswords.apppassword;

import java.util.Objects;
import java.util.Optional;

/**
 * The public identifier of an app password: 5 symbols of {@link TokenAlphabet}, for example
 * {@code na28s}. It is part of the token ({@code jap} + id + secret + checksum), lets a login
 * look up one stored hash, and is the {@code {id}} of the WebAdmin and self-service routes.
 *
 * <p>Not secret: {@link #toString()} returns it. {@link #parse(String)} is strict on purpose
 * (it validates route path parameters), so {@code ..}, {@code /}, {@code %}, uppercase and any
 * other length are refused.
 */
public final class AppPasswordId {
    /** Number of symbols in an id. */
    public static final int LENGTH = 5;

    private final String value;

    private AppPasswordId(String value) {
        this.value = value;
    }

    /**
     * The id when {@code value} is exactly {@value #LENGTH} lowercase alphabet symbols, as
     * given (no normalisation); empty otherwise, including for null.
     */
    public static Optional<AppPasswordId> parse(String value) {
        if (value == null || value.length() != LENGTH || !TokenAlphabet.consistsOfSymbols(value)) {
            return Optional.empty();
        }
        return Optional.of(new AppPasswordId(value));
    }

    public String asString() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AppPasswordId)) {
            return false;
        }
        // The id is public, so plain (not constant-time) equality is fine here.
        return value.equals(((AppPasswordId) o).value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
