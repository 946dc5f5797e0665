package org.apppasswords.signout;

import java.util.Objects;
import java.util.Optional;

/**
 * Which of a user's connections a revocation ends, by what logged them in: anything (revoke-all,
 * removal, rename, a second-factor reset), the primary password (a password change that keeps the
 * app passwords), or one app password, named by its public id.
 */
public final class OpenedWith {
    private enum Kind { ANYTHING, PRIMARY_PASSWORD, APP_PASSWORD }

    private static final String APP_PREFIX = "app:";

    private final Kind kind;
    private final String appPasswordId;

    private OpenedWith(Kind kind, String appPasswordId) {
        this.kind = kind;
        this.appPasswordId = appPasswordId;
    }

    public static OpenedWith anything() {
        return new OpenedWith(Kind.ANYTHING, "");
    }

    public static OpenedWith primaryPassword() {
        return new OpenedWith(Kind.PRIMARY_PASSWORD, "");
    }

    public static OpenedWith appPassword(String publicId) {
        return new OpenedWith(Kind.APP_PASSWORD, Objects.requireNonNull(publicId, "publicId"));
    }

    /**
     * Whether a connection that logged in with {@code loggedInWith} (an app password's public id,
     * or empty for the primary password) is selected.
     */
    public boolean selects(Optional<String> loggedInWith) {
        switch (kind) {
            case ANYTHING:
                return true;
            case PRIMARY_PASSWORD:
                return loggedInWith.isEmpty();
            default:
                return loggedInWith.equals(Optional.of(appPasswordId));
        }
    }

    /** Whether a connection whose login was not seen (a login James made without us) is selected: only by {@link #anything}. */
    public boolean selectsUnseen() {
        return kind == Kind.ANYTHING;
    }

    /** The stored form: {@code anything}, {@code primary} or {@code app:ID}. */
    public String stored() {
        switch (kind) {
            case ANYTHING:
                return "anything";
            case PRIMARY_PASSWORD:
                return "primary";
            default:
                return APP_PREFIX + appPasswordId;
        }
    }

    /** The selection {@link #stored} wrote; empty for anything else (a newer node's form, say). */
    public static Optional<OpenedWith> fromStored(String stored) {
        if (stored.equals("anything")) {
            return Optional.of(anything());
        }
        if (stored.equals("primary")) {
            return Optional.of(primaryPassword());
        }
        return stored.startsWith(APP_PREFIX) ? Optional.of(appPassword(stored.substring(APP_PREFIX.length()))) : Optional.empty();
    }

    @Override
    public String toString() {
        return kind == Kind.APP_PASSWORD ? "app password " + appPasswordId : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
