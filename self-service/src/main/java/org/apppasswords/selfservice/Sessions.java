package org.apppasswords.selfservice;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.session.SelfServiceSession;
import org.apppasswords.session.SelfServiceSessionStore;

import reactor.netty.http.server.HttpServerRequest;

/**
 * Opens, finds, upgrades and ends self-service sessions. Blocking (the store is): callers run it
 * off the event loop. A session lives {@code selfService.sessionTimeout} from sign-in and no
 * longer; nothing extends it.
 */
final class Sessions {
    private final SelfServiceSessionStore store;
    private final SecureRandom random;
    private final Clock clock;
    private final Duration timeout;

    @Inject
    Sessions(SelfServiceSessionStore store, SecureRandom random, Clock clock, AppPasswordsConfiguration configuration) {
        this.store = store;
        this.random = random;
        this.clock = clock;
        this.timeout = configuration.selfServiceSessionTimeout();
    }

    /**
     * A new session, if the user's secrets were not revoked since {@code generation} was read (before
     * the sign-in's checks); the token is returned once and only its digest is stored.
     *
     * @throws ApiError 401 when a revocation came in between
     */
    OpenedSession open(Username user, boolean secondFactorVerified, long generation) {
        SessionToken token = SessionToken.generate(random);
        Instant now = clock.instant();
        SelfServiceSession session = new SelfServiceSession(token.digest(), user, now, now.plus(timeout), secondFactorVerified, generation);
        if (!store.create(session)) {
            throw ApiError.signInRefused();
        }
        // Housekeeping only: expired sessions are refused anyway.
        store.removeExpired(now);
        return new OpenedSession(token, session);
    }

    /** The live session the request's bearer token names; {@link ApiError#sessionRequired()} otherwise. */
    SelfServiceSession authenticate(HttpServerRequest request) {
        return SessionToken.fromAuthorizationHeader(AuthorizationHeader.single(request))
            .flatMap(token -> store.find(token.digest(), clock.instant()))
            .orElseThrow(ApiError::sessionRequired);
    }

    /**
     * Marks the session as holding a second factor once the user proved a code of the secret
     * they just enrolled: the token stays the same, its expiry too.
     */
    void upgradeToSecondFactor(SelfServiceSession session) {
        store.markSecondFactorVerified(session.tokenDigest());
    }

    void end(SelfServiceSession session) {
        store.revoke(session.tokenDigest());
    }

    static final class OpenedSession {
        final SessionToken token;
        final SelfServiceSession session;

        OpenedSession(SessionToken token, SelfServiceSession session) {
            this.token = token;
            this.session = session;
        }

        @Override
        public String toString() {
            return "OpenedSession[" + session + ", token=[REDACTED]]";
        }
    }
}
