package org.apppasswords.webadmin;

import java.util.List;

import org.apppasswords.apppassword.StoredAppPassword;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One app password as admins (and users) see it: id, label and times, ISO-8601 in UTC,
 * {@code lastUsedAt} null when never used, {@code lastUsedProtocol} the protocol of that use
 * (null when never used or when James named none) and {@code lastUsedAddress} its client address
 * (null likewise), {@code protocols} those it logs in with (all
 * five unless limited at its creation), {@code expired} true once idle longer than
 * {@code appPasswords.idleExpiry}, {@code liveConnections} how many connections it holds open
 * on every node. Built from the stored entry's public fields only: the
 * stored hash has no getter here, so it cannot reach an answer.
 */
@JsonPropertyOrder({"id", "label", "createdAt", "lastUsedAt", "lastUsedProtocol", "lastUsedAddress", "protocols", "expired", "liveConnections"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public final class AppPasswordDto {
    private final String id;
    private final String label;
    private final String createdAt;
    private final String lastUsedAt;
    private final String lastUsedProtocol;
    private final String lastUsedAddress;
    private final List<String> protocols;
    private final boolean expired;
    private final long liveConnections;

    private AppPasswordDto(String id, String label, String createdAt, String lastUsedAt, String lastUsedProtocol, String lastUsedAddress,
                           List<String> protocols, boolean expired, long liveConnections) {
        this.id = id;
        this.label = label;
        this.createdAt = createdAt;
        this.lastUsedAt = lastUsedAt;
        this.lastUsedProtocol = lastUsedProtocol;
        this.lastUsedAddress = lastUsedAddress;
        this.protocols = protocols;
        this.expired = expired;
        this.liveConnections = liveConnections;
    }

    public static AppPasswordDto from(StoredAppPassword stored, boolean expired, long liveConnections) {
        return new AppPasswordDto(stored.id().asString(), stored.label(), stored.createdAt().toString(),
            stored.lastUsedAt().map(Object::toString).orElse(null), stored.lastUsedProtocol().orElse(null),
            stored.lastUsedAddress().orElse(null), stored.protocols().apiNames(), expired, liveConnections);
    }

    public String getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    public String getCreatedAt() {
        return createdAt;
    }

    public String getLastUsedAt() {
        return lastUsedAt;
    }

    public String getLastUsedProtocol() {
        return lastUsedProtocol;
    }

    public String getLastUsedAddress() {
        return lastUsedAddress;
    }

    public List<String> getProtocols() {
        return protocols;
    }

    public boolean isExpired() {
        return expired;
    }

    public long getLiveConnections() {
        return liveConnections;
    }
}
