package org.apppasswords.webadmin;

import org.apppasswords.apppassword.StoredAppPassword;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One app password as admins (and users) see it: id, label and times, ISO-8601 in UTC,
 * {@code lastUsedAt} null when never used, {@code lastUsedProtocol} the protocol of that use
 * (null when never used or when James named none), {@code expired} true once idle longer than
 * {@code appPasswords.idleExpiry}, {@code liveConnections} how many connections it holds open
 * on every node. Built from the stored entry's public fields only: the
 * stored hash has no getter here, so it cannot reach an answer.
 */
@JsonPropertyOrder({"id", "label", "createdAt", "lastUsedAt", "lastUsedProtocol", "expired", "liveConnections"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public final class AppPasswordDto {
    private final String id;
    private final String label;
    private final String createdAt;
    private final String lastUsedAt;
    private final String lastUsedProtocol;
    private final boolean expired;
    private final long liveConnections;

    private AppPasswordDto(String id, String label, String createdAt, String lastUsedAt, String lastUsedProtocol, boolean expired,
                           long liveConnections) {
        this.id = id;
        this.label = label;
        this.createdAt = createdAt;
        this.lastUsedAt = lastUsedAt;
        this.lastUsedProtocol = lastUsedProtocol;
        this.expired = expired;
        this.liveConnections = liveConnections;
    }

    public static AppPasswordDto from(StoredAppPassword stored, boolean expired, long liveConnections) {
        return new AppPasswordDto(stored.id().asString(), stored.label(), stored.createdAt().toString(),
            stored.lastUsedAt().map(Object::toString).orElse(null), stored.lastUsedProtocol().orElse(null), expired, liveConnections);
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

    public boolean isExpired() {
        return expired;
    }

    public long getLiveConnections() {
        return liveConnections;
    }
}
