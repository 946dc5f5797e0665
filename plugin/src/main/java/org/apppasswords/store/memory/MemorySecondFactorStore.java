package org.apppasswords.store.memory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.james.core.Username;
import org.apppasswords.store.PendingTotpEnrolment;
import org.apppasswords.store.SecondFactorStore;
import org.apppasswords.store.TotpEnrolment;

/**
 * TOTP enrolments held in this JVM only. Consuming a step or a recovery code happens inside
 * {@link ConcurrentHashMap#computeIfPresent}, so two racing logins cannot both succeed.
 */
public final class MemorySecondFactorStore implements SecondFactorStore {
    private final ConcurrentHashMap<Username, TotpEnrolment> byUser = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Username, PendingTotpEnrolment> pendingByUser = new ConcurrentHashMap<>();

    @Override
    public Optional<TotpEnrolment> find(Username user) {
        return Optional.ofNullable(byUser.get(user));
    }

    @Override
    public boolean enable(Username user, TotpEnrolment enrolment) {
        boolean enabled = byUser.putIfAbsent(user, enrolment) == null;
        pendingByUser.remove(user);
        return enabled;
    }

    @Override
    public boolean disable(Username user) {
        pendingByUser.remove(user);
        return byUser.remove(user) != null;
    }

    @Override
    public void startEnrolment(Username user, PendingTotpEnrolment pending) {
        pendingByUser.put(user, pending);
    }

    @Override
    public Optional<PendingTotpEnrolment> findPendingEnrolment(Username user) {
        return Optional.ofNullable(pendingByUser.get(user));
    }

    @Override
    public boolean moveTo(Username from, Username to) {
        if (from.equals(to)) {
            return false;
        }
        pendingByUser.remove(from);
        TotpEnrolment enrolment = byUser.remove(from);
        return enrolment != null && byUser.putIfAbsent(to, enrolment) == null;
    }

    @Override
    public boolean advanceLastUsedStep(Username user, long step) {
        boolean[] advanced = {false};
        byUser.computeIfPresent(user, (name, enrolment) -> {
            if (step <= enrolment.lastUsedStep()) {
                return enrolment;
            }
            advanced[0] = true;
            return enrolment.withLastUsedStep(step);
        });
        return advanced[0];
    }

    @Override
    public boolean consumeRecoveryCode(Username user, String encodedHash) {
        boolean[] consumed = {false};
        byUser.computeIfPresent(user, (name, enrolment) -> {
            List<String> remaining = new ArrayList<>(enrolment.recoveryCodeHashes());
            consumed[0] = remaining.removeIf(stored -> MessageDigest.isEqual(bytes(stored), bytes(encodedHash)));
            return consumed[0] ? enrolment.withRecoveryCodeHashes(remaining) : enrolment;
        });
        return consumed[0];
    }

    private static byte[] bytes(String encodedHash) {
        return encodedHash.getBytes(StandardCharsets.US_ASCII);
    }
}
