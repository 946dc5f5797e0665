package org.apppasswords.webadmin;

import org.apppasswords.store.StoredAppPassword;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One app password as admins (and users) see it: id, label and times, ISO-8601 in UTC,
 * {@code lastUsedAt} null when never used. Built from the stored entry's public fields only: the
 * stored hash has no getter here, so it cannot reach an answer.
 */
@JsonPropertyOrder({"id", "label", "createdAt", "lastUsedAt"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public final class AppPasswordDto {
    private final String id;
    private final String label;
    private final String createdAt;
    private final String lastUsedAt;

    private AppPasswordDto(String id, String label, String createdAt, String lastUsedAt) {
        this.id = id;
        this.label = label;
        this.createdAt = createdAt;
        this.lastUsedAt = lastUsedAt;
    }

    public static AppPasswordDto from(StoredAppPassword stored) {
        return new AppPasswordDto(stored.id().asString(), stored.label(), stored.createdAt().toString(),
            stored.lastUsedAt().map(Object::toString).orElse(null));
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
}
