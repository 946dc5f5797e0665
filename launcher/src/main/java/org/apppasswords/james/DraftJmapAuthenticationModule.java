package org.apppasswords.james;

import javax.inject.Named;
import javax.inject.Singleton;

import org.apache.james.jmap.draft.api.AccessTokenManager;
import org.apache.james.jmap.draft.api.SimpleTokenFactory;
import org.apache.james.jmap.draft.api.SimpleTokenManager;
import org.apache.james.jmap.http.AuthenticationRoutes;
import org.apache.james.jmap.http.Authenticator;
import org.apache.james.jmap.http.InjectionKeys;
import org.apache.james.metrics.api.MetricFactory;
import org.apppasswords.repository.TokenEndpointUsersRepository;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;

/**
 * Login rule 6. James 3.8.1's draft-JMAP {@code POST /authentication} checks a password once and
 * grants a 15-minute access token that nothing re-checks, so a token minted with an app password
 * would outlive its revocation. James builds that endpoint with whatever {@code UsersRepository}
 * it injects; here it gets the strict view ({@link TokenEndpointUsersRepository}): app passwords
 * and {@code primary$CODE} are refused, and only the bare primary password of a user without TOTP
 * still obtains a token. JMAP Basic authentication, checked on every request, is how app passwords
 * reach JMAP. Each {@code POST} checks the password with the request's client address in view
 * ({@link OriginAwareAuthenticationRoutes}), so that the endpoint's failures are throttled and
 * audited per address like any other login.
 */
final class DraftJmapAuthenticationModule extends AbstractModule {
    @Provides
    @Singleton
    AuthenticationRoutes draftAuthenticationRoutes(TokenEndpointUsersRepository tokenEndpointView, SimpleTokenManager simpleTokenManager,
                                                   AccessTokenManager accessTokenManager, SimpleTokenFactory simpleTokenFactory, MetricFactory metricFactory,
                                                   @Named(InjectionKeys.DRAFT) Authenticator authenticator) {
        return new OriginAwareAuthenticationRoutes(tokenEndpointView, simpleTokenManager, accessTokenManager, simpleTokenFactory,
            metricFactory, authenticator);
    }
}
