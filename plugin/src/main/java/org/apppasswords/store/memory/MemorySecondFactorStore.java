package org.apppasswords.store.memory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.apache.james.core.Username;
import org.apppasswords.totp.PendingTotpEnrolment;
import org.apppasswords.totp.SecondFactorStore;
import org.apppasswords.totp.TotpEnrolment;

/**
 * TOTP enrolments held in this JVM only. Every change to an enrolment (spending a step or a
 * recovery code, counting a wrong code) happens inside {@link ConcurrentHashMap#computeIfPresent},
 * so two racing logins cannot both succeed.
 */
public final class MemorySecondFactorStore implements SecondFactorStore {
    private final ConcurrentHashMap<Username, TotpEnrolment> byUser = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Username, PendingTotpEnrolment> pendingByUser = new ConcurrentHashMap<>();
    private final MemoryGenerations generations;

    public MemorySecondFactorStore(MemoryGenerations generations) {
        this.generations = generations;
    }

    @Override
    public Optional<TotpEnrolment> find(Username user) {
        return Optional.ofNullable(byUser.get(user));
    }

    @Override
    public EnableOutcome enable(Username user, TotpEnrolment enrolment, long generation) {
        return generations.creating(user, generation, () -> {
            pendingByUser.remove(user);
            return byUser.putIfAbsent(user, enrolment) == null ? EnableOutcome.ENABLED : EnableOutcome.ALREADY_ENABLED;
        }).orElse(EnableOutcome.SUPERSEDED);
    }

    @Override
    public boolean disable(Username user) {
        return generations.revoking(user, () -> {
            pendingByUser.remove(user);
            return byUser.remove(user) != null;
        });
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
    public boolean copyTo(Username from, Username to) {
        if (from.equals(to)) {
            return false;
        }
        return generations.revokingBoth(from, to, () -> {
            pendingByUser.remove(from);
            TotpEnrolment enrolment = byUser.get(from);
            return enrolment != null && byUser.putIfAbsent(to, enrolment) == null;
        });
    }

    @Override
    public boolean spendCode(Username user, long step, List<String> spentCodes, int maxFailedCodes) {
        return changed(user, enrolment -> step > enrolment.lastUsedStep() && enrolment.failedCodes() < maxFailedCodes
            ? Optional.of(new TotpEnrolment(enrolment.secret(), enrolment.enabledAt(), step, enrolment.recoveryCodeHashes(), 0, spentCodes))
            : Optional.empty()).isPresent();
    }

    @Override
    public OptionalInt countWrongCode(Username user, String codeFingerprint, int maxFailedCodes) {
        Optional<TotpEnrolment> counted = changed(user, enrolment -> enrolment.failedCodes() < maxFailedCodes
            && !enrolment.spentCodes().contains(codeFingerprint)
            ? Optional.of(enrolment.withWrongCode(codeFingerprint)) : Optional.empty());
        return counted.map(enrolment -> OptionalInt.of(enrolment.failedCodes())).orElse(OptionalInt.empty());
    }

    @Override
    public boolean consumeRecoveryCode(Username user, String encodedHash, String codeFingerprint) {
        return changed(user, enrolment -> {
            List<String> remaining = new ArrayList<>(enrolment.recoveryCodeHashes());
            boolean consumed = remaining.removeIf(stored -> MessageDigest.isEqual(bytes(stored), bytes(encodedHash)));
            return consumed ? Optional.of(enrolment.recoveryCodeSpent(remaining, codeFingerprint)) : Optional.empty();
        }).isPresent();
    }

    @Override
    public void forgetWrongCodes(Username user) {
        changed(user, enrolment -> Optional.of(enrolment.withoutWrongCodes()));
    }

    /** Applies {@code change} to the user's enrolment atomically; the enrolment it made, or empty when it made none. */
    private Optional<TotpEnrolment> changed(Username user, Function<TotpEnrolment, Optional<TotpEnrolment>> change) {
        AtomicReference<TotpEnrolment> made = new AtomicReference<>();
        byUser.computeIfPresent(user, (name, enrolment) -> {
            Optional<TotpEnrolment> updated = change.apply(enrolment);
            updated.ifPresent(made::set);
            return updated.orElse(enrolment);
        });
        return Optional.ofNullable(made.get());
    }

    private static byte[] bytes(String encodedHash) {
        return encodedHash.getBytes(StandardCharsets.US_ASCII);
    }
}
