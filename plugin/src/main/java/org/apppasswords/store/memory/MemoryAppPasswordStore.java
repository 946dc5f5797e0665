package org.apppasswords.store.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPasswordId;
import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.apppassword.StoredAppPassword;

/**
 * App passwords held in this JVM only: lost on restart, not shared between nodes: for
 * single-node trials. Adds and revoke-all are ordered with every other change to the user's
 * secrets by {@link MemoryGenerations}; each user's entries change under
 * {@link ConcurrentHashMap#compute}, which makes the limit check and the insert one atomic step.
 */
public final class MemoryAppPasswordStore implements AppPasswordStore {
    private final ConcurrentHashMap<Username, Map<AppPasswordId, StoredAppPassword>> byUser = new ConcurrentHashMap<>();
    private final MemoryGenerations generations;

    public MemoryAppPasswordStore(MemoryGenerations generations) {
        this.generations = generations;
    }

    @Override
    public AddOutcome add(Username user, StoredAppPassword entry, int maxPerUser, long generation) {
        return generations.creating(user, generation, () -> addNow(user, entry, maxPerUser)).orElse(AddOutcome.SUPERSEDED);
    }

    private AddOutcome addNow(Username user, StoredAppPassword entry, int maxPerUser) {
        AddOutcome[] outcome = {AddOutcome.ADDED};
        byUser.compute(user, (name, entries) -> {
            Map<AppPasswordId, StoredAppPassword> updated = entries == null ? new LinkedHashMap<>() : new LinkedHashMap<>(entries);
            if (updated.size() >= maxPerUser) {
                outcome[0] = AddOutcome.LIMIT_REACHED;
            } else if (updated.containsKey(entry.id())) {
                outcome[0] = AddOutcome.ID_TAKEN;
            } else {
                updated.put(entry.id(), entry);
            }
            return updated.isEmpty() ? null : updated;
        });
        return outcome[0];
    }

    @Override
    public Optional<StoredAppPassword> find(Username user, AppPasswordId id) {
        return Optional.ofNullable(byUser.get(user)).map(entries -> entries.get(id));
    }

    @Override
    public List<StoredAppPassword> list(Username user) {
        List<StoredAppPassword> entries = new ArrayList<>(byUser.getOrDefault(user, Map.of()).values());
        entries.sort(Comparator.comparing(StoredAppPassword::createdAt));
        return entries;
    }

    @Override
    public boolean revoke(Username user, AppPasswordId id) {
        boolean[] removed = {false};
        byUser.computeIfPresent(user, (name, entries) -> {
            Map<AppPasswordId, StoredAppPassword> updated = new LinkedHashMap<>(entries);
            removed[0] = updated.remove(id) != null;
            return updated.isEmpty() ? null : updated;
        });
        return removed[0];
    }

    @Override
    public int revokeAll(Username user) {
        return generations.revoking(user, () -> {
            Map<AppPasswordId, StoredAppPassword> removed = byUser.remove(user);
            return removed == null ? 0 : removed.size();
        });
    }

    @Override
    public void recordUse(Username user, AppPasswordId id, Instant usedAt, Optional<String> protocol, Optional<String> address) {
        byUser.computeIfPresent(user, (name, entries) -> {
            if (!entries.containsKey(id)) {
                return entries;
            }
            Map<AppPasswordId, StoredAppPassword> updated = new LinkedHashMap<>(entries);
            updated.computeIfPresent(id, (key, entry) -> entry.usedAt(usedAt, protocol, address));
            return updated;
        });
    }

    @Override
    public int moveAll(Username from, Username to) {
        return from.equals(to) ? 0 : generations.revokingBoth(from, to, () -> moveNow(from, to));
    }

    private int moveNow(Username from, Username to) {
        Map<AppPasswordId, StoredAppPassword> moving = byUser.remove(from);
        if (moving == null) {
            return 0;
        }
        int[] moved = {0};
        byUser.compute(to, (name, entries) -> {
            Map<AppPasswordId, StoredAppPassword> updated = entries == null ? new LinkedHashMap<>() : new LinkedHashMap<>(entries);
            moving.forEach((id, entry) -> {
                if (updated.putIfAbsent(id, entry) == null) {
                    moved[0]++;
                }
            });
            return updated.isEmpty() ? null : updated;
        });
        return moved[0];
    }
}
