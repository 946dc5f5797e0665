package org.apppasswords.apppassword;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.apppasswords.scope.ProtocolScope;

/**
 * One app password as a store keeps it: its public id, the user's label, the self-describing hash
 * of the normalised token (for example {@code $sha256$<salt>$<hash>}) and its times. The
 * plaintext is never stored. {@link #toString()} leaves the hash out: it is not a secret, but it
 * has no business in a log.
 */
public final class StoredAppPassword {
    /** Longest protocol name kept for a last use. */
    public static final int MAX_PROTOCOL_LENGTH = 32;
    /** Longest client address kept for a last use (an IPv6 literal is at most 45). */
    public static final int MAX_ADDRESS_LENGTH = 64;

    private final AppPasswordId id;
    private final String label;
    private final String encodedHash;
    private final Instant createdAt;
    private final Optional<Instant> lastUsedAt;
    private final Optional<String> lastUsedProtocol;
    private final Optional<String> lastUsedAddress;
    private final ProtocolScope protocols;

    public StoredAppPassword(AppPasswordId id, String label, String encodedHash, Instant createdAt, Optional<Instant> lastUsedAt) {
        this(id, label, encodedHash, createdAt, lastUsedAt, Optional.empty(), Optional.empty(), ProtocolScope.all());
    }

    /**
     * {@code lastUsedProtocol} and {@code lastUsedAddress}: the protocol James named for the last use
     * ({@code IMAP}, {@code SMTP}...) and the client's address, when known; {@code protocols}: what
     * it logs in with, fixed at its creation.
     */
    public StoredAppPassword(AppPasswordId id, String label, String encodedHash, Instant createdAt, Optional<Instant> lastUsedAt,
                             Optional<String> lastUsedProtocol, Optional<String> lastUsedAddress, ProtocolScope protocols) {
        this.id = Objects.requireNonNull(id, "id");
        this.label = Objects.requireNonNull(label, "label");
        this.encodedHash = Objects.requireNonNull(encodedHash, "encodedHash");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.lastUsedAt = Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        this.lastUsedProtocol = Objects.requireNonNull(lastUsedProtocol, "lastUsedProtocol");
        this.lastUsedAddress = Objects.requireNonNull(lastUsedAddress, "lastUsedAddress");
        this.protocols = Objects.requireNonNull(protocols, "protocols");
    }

    public static StoredAppPassword created(AppPasswordId id, String label, String encodedHash, Instant createdAt) {
        return created(id, label, encodedHash, createdAt, ProtocolScope.all());
    }

    public static StoredAppPassword created(AppPasswordId id, String label, String encodedHash, Instant createdAt, ProtocolScope protocols) {
        return new StoredAppPassword(id, label, encodedHash, createdAt, Optional.empty(), Optional.empty(), Optional.empty(), protocols);
    }

    public StoredAppPassword usedAt(Instant instant) {
        return usedAt(instant, Optional.empty());
    }

    public StoredAppPassword usedAt(Instant instant, Optional<String> protocol) {
        return usedAt(instant, protocol, Optional.empty());
    }

    public StoredAppPassword usedAt(Instant instant, Optional<String> protocol, Optional<String> address) {
        return new StoredAppPassword(id, label, encodedHash, createdAt, Optional.of(instant), protocol, address, protocols);
    }

    /**
     * A protocol name as stored: letters, digits, {@code -} and {@code _} only, at most
     * {@value #MAX_PROTOCOL_LENGTH} characters; empty when nothing of it is left.
     */
    public static Optional<String> protocolName(String raw) {
        String kept = raw.replaceAll("[^A-Za-z0-9_-]", "");
        return kept.isEmpty() ? Optional.empty() : Optional.of(kept.substring(0, Math.min(kept.length(), MAX_PROTOCOL_LENGTH)));
    }

    /**
     * A client address as stored: the characters of an IP literal only ({@code 0-9 a-f A-F . :}),
     * at most {@value #MAX_ADDRESS_LENGTH}; empty when nothing of it is left.
     */
    public static Optional<String> addressText(String raw) {
        String kept = raw.replaceAll("[^0-9A-Fa-f.:]", "");
        return kept.isEmpty() ? Optional.empty() : Optional.of(kept.substring(0, Math.min(kept.length(), MAX_ADDRESS_LENGTH)));
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

    public Optional<String> lastUsedProtocol() {
        return lastUsedProtocol;
    }

    /** The client address of the last use, when James gave one. */
    public Optional<String> lastUsedAddress() {
        return lastUsedAddress;
    }

    public ProtocolScope protocols() {
        return protocols;
    }

    /** When it was last used, or created when never used: where an idle period starts. */
    public Instant lastActivity() {
        return lastUsedAt.orElse(createdAt);
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
            && createdAt.equals(that.createdAt) && lastUsedAt.equals(that.lastUsedAt)
            && lastUsedProtocol.equals(that.lastUsedProtocol) && lastUsedAddress.equals(that.lastUsedAddress)
            && protocols.equals(that.protocols);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, label, encodedHash, createdAt, lastUsedAt, lastUsedProtocol, lastUsedAddress, protocols);
    }

    @Override
    public String toString() {
        return "StoredAppPassword[id=" + id + ", label=" + label + ", createdAt=" + createdAt + ", lastUsedAt=" + lastUsedAt
            + ", lastUsedProtocol=" + lastUsedProtocol + ", lastUsedAddress=" + lastUsedAddress + ", protocols=" + protocols + "]";
    }
}
