package org.apppasswords.apppassword;

import java.time.Clock;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.hashing.SecretHasher;
import org.apppasswords.store.AppPasswordStore;
import org.apppasswords.store.AppPasswordStore.AddOutcome;
import org.apppasswords.store.StoredAppPassword;

/**
 * Mints app passwords: generates the token, stores only its hash, and hands the plaintext back
 * once. Admin and self-service routes (and, until those exist, tests and the demo) call this.
 */
public final class AppPasswordService {
    private static final int ID_COLLISION_RETRIES = 5;

    private final AppPasswordStore store;
    private final AppPasswordGenerator generator;
    private final SecretHasher hasher;
    private final Clock clock;
    private final int maxPerUser;

    @Inject
    public AppPasswordService(AppPasswordStore store, AppPasswordGenerator generator, SecretHasher hasher, Clock clock,
                              AppPasswordsConfiguration configuration) {
        this.store = store;
        this.generator = generator;
        this.hasher = hasher;
        this.clock = clock;
        this.maxPerUser = configuration.maxAppPasswordsPerUser();
    }

    /**
     * @param label 1 to 64 printable characters once trimmed
     * @throws IllegalArgumentException for a bad label (the message is safe to show)
     * @throws AppPasswordLimitException when the user already holds the maximum
     */
    public CreatedAppPassword create(Username user, String label) {
        String checkedLabel = AppPasswordLabel.check(label);
        // Ids are 25 random bits, unique per user: a collision among at most maxPerUser entries is
        // rare, and a fresh token resolves it.
        for (int attempt = 0; attempt < ID_COLLISION_RETRIES; attempt++) {
            AppPassword password = generator.generate();
            StoredAppPassword entry = StoredAppPassword.created(password.id(), checkedLabel, hasher.hash(password.reveal()), clock.instant());
            AddOutcome outcome = store.add(user, entry, maxPerUser);
            if (outcome == AddOutcome.ADDED) {
                return new CreatedAppPassword(password, entry);
            }
            if (outcome == AddOutcome.LIMIT_REACHED) {
                throw new AppPasswordLimitException(maxPerUser);
            }
        }
        throw new IllegalStateException("Could not allocate a free app password id");
    }
}
