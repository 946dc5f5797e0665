package org.apppasswords.apppassword;

import java.util.Objects;

/**
 * A whole app password, secret included: {@code jap} + 5-symbol public id + 26-symbol secret
 * (130 bits from {@link java.security.SecureRandom}) + 6-symbol checksum, 40 symbols of
 * {@link TokenAlphabet}.
 *
 * <p>Normalised form (what {@link #reveal()} returns and what is hashed):
 * {@code japna28seyehv2qbawgfpa7ttgebyy5qvx02pjy1} (id {@code na28s}); display form
 * ({@link #revealForDisplay()}): {@code japna-28sey-ehv2q-bawgf-pa7tt-gebyy-5qvx0-2pjy1}.
 *
 * <p>The secret is read only through the {@code reveal...} methods; {@link #toString()} shows the
 * public id and {@code [REDACTED]}. There is deliberately no {@code equals}: compare revealed
 * bytes with {@link java.security.MessageDigest#isEqual}. Instances come from
 * {@link AppPasswordGenerator} or {@link AppPasswordFormat#recognise(String)}.
 */
public final class AppPassword {
    private final AppPasswordId id;
    private final String token;

    AppPassword(AppPasswordId id, String token) {
        this.id = Objects.requireNonNull(id, "id");
        this.token = Objects.requireNonNull(token, "token");
    }

    /** The public id (not secret). */
    public AppPasswordId id() {
        return id;
    }

    /** Secret: the normalised 40-symbol token, the form to hash and compare. */
    public String reveal() {
        return token;
    }

    /** Secret: the token in dash-separated groups of 5, the form shown once to the user. */
    public String revealForDisplay() {
        return TokenAlphabet.group(token, 5);
    }

    @Override
    public String toString() {
        return "AppPassword[id=" + id.asString() + ", secret=[REDACTED]]";
    }
}
