package org.apppasswords.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.apppasswords.apppassword.AppPasswordId;

/**
 * One app password as a store keeps it: its public id, the user's label, the self-describing hash
 * of the normalised token (for example {@code $sha256$<salt>$<hash>}) and its times. The
 * plaintext is never stored. {@link #toString()} leaves the hash out: it is not a secret, but it
 * has no business in a log.
 */
public final class StoredAppPassword {
    private final AppPasswordId id;
    private final String label;
    private final String encodedHash;
    private final Instant createdAt;
    private final Optional<Instant> lastUsedAt;

    public StoredAppPassword(AppPasswordId id, String label, String encodedHash, Instant createdAt, Optional<Instant> lastUsedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.label = Objects.requireNonNull(label, "label");
        this.encodedHash = Objects.requireNonNull(encodedHash, "encodedHash");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.lastUsedAt = Objects.requireNonNull(lastUsedAt, "lastUsedAt");
    }

    public static StoredAppPassword created(AppPasswordId id, String label, String encodedHash, Instant createdAt) {
        return new StoredAppPassword(id, label, encodedHash, createdAt, Optional.empty());
    }

    public StoredAppPassword usedAt(Instant instant) {
        return new StoredAppPassword(id, label, encodedHash, createdAt, Optional.of(instant));
    }

    public AppPasswordId id() {
        return id;
    }

    public String label() {
        return label;
    }

    public String encodedHash() {
        return encodedHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> lastUsedAt() {
        return lastUsedAt;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof StoredAppPassword)) {
            return false;
        }
        StoredAppPassword that = (StoredAppPassword) o;
        boolean sameHash = MessageDigest.isEqual(
            encodedHash.getBytes(StandardCharsets.US_ASCII), that.encodedHash.getBytes(StandardCharsets.US_ASCII));
        return sameHash && id.equals(that.id) && label.equals(that.label)
            && createdAt.equals(that.createdAt) && lastUsedAt.equals(that.lastUsedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, label, encodedHash, createdAt, lastUsedAt);
    }

    @Override
    public String toString() {
        return "StoredAppPassword[id=" + id + ", label=" + label + ", createdAt=" + createdAt + ", lastUsedAt=" + lastUsedAt + "]";
    }
}
