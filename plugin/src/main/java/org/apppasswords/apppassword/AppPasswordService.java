package org.apppasswords.apppassword;

import java.time.Clock;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.apppassword.AppPasswordStore.AddOutcome;
import org.apppasswords.apppassword.StoredAppPassword;
import org.apppasswords.audit.AuditLog;
import org.apppasswords.audit.AuditLog.Actor;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.hashing.SecretHasher;
import org.apppasswords.notice.SecurityNotices;
import org.apppasswords.scope.ProtocolScope;
import org.apppasswords.signout.OpenedWith;
import org.apppasswords.signout.SignOut;
import org.apppasswords.store.ChangedMeanwhileException;

/**
 * Mints and revokes app passwords: generates the token, stores only its hash, and hands the
 * plaintext back once. Admin and self-service routes (and tests and the demo) call this, so each
 * creation and revocation writes its one audit line here, whatever route caused it.
 */
public final class AppPasswordService {
    private static final int ID_COLLISION_RETRIES = 5;

    private final AppPasswordStore store;
    private final AppPasswordGenerator generator;
    private final SecretHasher hasher;
    private final Clock clock;
    private final int maxPerUser;
    private final AuditLog audit;
    private final SignOut signOut;
    private final SecurityNotices notices;

    @Inject
    public AppPasswordService(AppPasswordStore store, AppPasswordGenerator generator, SecretHasher hasher, Clock clock,
                              AppPasswordsConfiguration configuration, AuditLog audit, SignOut signOut, SecurityNotices notices) {
        this.store = store;
        this.generator = generator;
        this.hasher = hasher;
        this.clock = clock;
        this.maxPerUser = configuration.maxAppPasswordsPerUser();
        this.audit = audit;
        this.signOut = signOut;
        this.notices = notices;
    }

    /**
     * @param label 1 to 64 printable characters once trimmed
     * @param generation the user's generation read before the checks that authorised this creation
     *     ({@link org.apppasswords.store.UserGenerations})
     * @throws IllegalArgumentException for a bad label (the message is safe to show)
     * @throws AppPasswordLimitException when the user already holds the maximum
     * @throws ChangedMeanwhileException when the user's secrets were revoked since {@code generation} was read
     */
    public CreatedAppPassword create(Username user, String label, long generation) {
        return create(user, label, ProtocolScope.all(), generation, Optional.empty());
    }

    /**
     * As {@link #create(Username, String, long)}, for the {@code protocols} only (fixed once created),
     * asked from {@code address} (told to the user, and known to the new app password).
     */
    public CreatedAppPassword create(Username user, String label, ProtocolScope protocols, long generation, Optional<String> address) {
        String checkedLabel = AppPasswordLabel.check(label);
        // Ids are 25 random bits, unique per user: a collision among at most maxPerUser entries is
        // rare, and a fresh token resolves it.
        for (int attempt = 0; attempt < ID_COLLISION_RETRIES; attempt++) {
            AppPassword password = generator.generate();
            StoredAppPassword entry = StoredAppPassword.created(password.id(), checkedLabel, hasher.hash(password.reveal()), clock.instant(),
                protocols);
            AddOutcome outcome = store.add(user, entry, maxPerUser, generation);
            if (outcome == AddOutcome.ADDED) {
                audit.appPasswordCreated(user, password.id().asString(), protocols.toString());
                notices.appPasswordCreated(user, password.id().asString(), checkedLabel, protocols, address);
                return new CreatedAppPassword(password, entry);
            }
            if (outcome == AddOutcome.LIMIT_REACHED) {
                throw new AppPasswordLimitException(maxPerUser);
            }
            if (outcome == AddOutcome.SUPERSEDED) {
                throw new ChangedMeanwhileException();
            }
        }
        throw new IllegalStateException("Could not allocate a free app password id");
    }

    /** @return false (and nothing logged) when the user held no app password with this id */
    public boolean revoke(Username user, AppPasswordId id, Actor actor) {
        // Read first for an admin's notice: the label is gone with the entry.
        Optional<String> label = actor == Actor.ADMIN ? store.find(user, id).map(StoredAppPassword::label) : Optional.empty();
        boolean revoked = store.revoke(user, id);
        if (revoked) {
            audit.appPasswordRevoked(user, id.asString(), actor);
            label.ifPresent(text -> notices.appPasswordRevokedByAdmin(user, text));
            signOut.end(user, OpenedWith.appPassword(id.asString()));
        }
        return revoked;
    }

    /** Revokes every app password of the user, logged once even when there was none. @return how many */
    public int revokeAll(Username user, Actor actor) {
        int revoked = store.revokeAll(user);
        audit.appPasswordsRevokedAll(user, actor);
        if (actor == Actor.ADMIN && revoked > 0) {
            notices.appPasswordsRevokedByAdmin(user, revoked);
        }
        signOut.end(user, OpenedWith.anything());
        return revoked;
    }
}
