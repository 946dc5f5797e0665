package org.apppasswords.totp;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apppasswords.audit.AuditLog;
import org.apppasswords.hashing.SecretHasher;
import org.apppasswords.notice.SecurityNotices;
import org.apppasswords.store.ChangedMeanwhileException;
import org.apppasswords.totp.SecondFactorStore;
import org.apppasswords.totp.TotpEnrolment;

/**
 * Turns a user's TOTP on and off. Enabling stores the secret and the hashes of fresh recovery
 * codes, whose plaintext is returned once. The self-service routes call this after the user
 * proves a first code; tests and the demo call it directly.
 */
public final class SecondFactorService {
    private final SecondFactorStore store;
    private final RecoveryCodes recoveryCodes;
    private final SecretHasher hasher;
    private final Clock clock;
    private final AuditLog audit;
    private final SecurityNotices notices;

    public SecondFactorService(SecondFactorStore store, RecoveryCodes recoveryCodes, SecretHasher hasher, Clock clock) {
        this(store, recoveryCodes, hasher, clock, new AuditLog(), SecurityNotices.NONE);
    }

    @Inject
    public SecondFactorService(SecondFactorStore store, RecoveryCodes recoveryCodes, SecretHasher hasher, Clock clock, AuditLog audit,
                               SecurityNotices notices) {
        this.store = store;
        this.recoveryCodes = recoveryCodes;
        this.hasher = hasher;
        this.clock = clock;
        this.audit = audit;
        this.notices = notices;
    }

    /**
     * Enables TOTP with {@code secret} and returns the recovery codes, shown once.
     * {@code confirmedStep} is spent in the same write ({@link TotpEnrolment#NO_STEP_USED} for none):
     * the code that confirmed the enrolment can never log in, not even in the instant after.
     *
     * @param generation the user's generation read before the checks that authorised this
     *     ({@link org.apppasswords.store.UserGenerations})
     * @throws SecondFactorAlreadyEnabledException when TOTP is already on (nothing changed)
     * @throws ChangedMeanwhileException when the user's secrets were revoked since {@code generation} was read
     */
    public List<RecoveryCode> enable(Username user, TotpSecret secret, long confirmedStep, long generation) {
        List<RecoveryCode> codes = recoveryCodes.generate();
        List<String> hashes = codes.stream()
            .map(code -> hasher.hash(code.reveal()))
            .collect(Collectors.toList());
        TotpEnrolment enrolment = TotpEnrolment.enabled(secret, clock.instant(), hashes).withLastUsedStep(confirmedStep);
        switch (store.enable(user, enrolment, generation)) {
            case ALREADY_ENABLED:
                throw new SecondFactorAlreadyEnabledException();
            case SUPERSEDED:
                throw new ChangedMeanwhileException();
            default:
                break;
        }
        audit.totpEnabled(user);
        notices.totpEnabled(user);
        return codes;
    }

    /** The user turns TOTP off (logged when it was on). @return false when TOTP was not enabled */
    public boolean disable(Username user) {
        boolean disabled = store.disable(user);
        if (disabled) {
            audit.totpDisabled(user);
            notices.totpDisabled(user);
        }
        return disabled;
    }
}
