package org.apppasswords.james;

import java.util.Optional;
import java.util.stream.Stream;

import org.apache.james.jmap.JMAPRoute;
import org.apache.james.jmap.JMAPUrls;
import org.apache.james.jmap.draft.api.AccessTokenManager;
import org.apache.james.jmap.draft.api.SimpleTokenFactory;
import org.apache.james.jmap.draft.api.SimpleTokenManager;
import org.apache.james.jmap.http.AuthenticationRoutes;
import org.apache.james.jmap.http.Authenticator;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.user.api.UsersRepository;
import org.reactivestreams.Publisher;

import io.netty.handler.codec.http.HttpMethod;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * James 3.8.1's draft-JMAP {@code /authentication} routes, with {@code POST} (the one that checks a
 * password) answered by a copy of James's routes built for that request around a repository that
 * knows the request's client address ({@link JmapRequestUsersRepository}). James checks the
 * password inside the reactive chain of the request, on a scheduler thread, with nothing of the
 * request in reach but its repository. The copy costs a small JSON mapper per {@code POST}; the
 * endpoint serves two per access token, and the check it leads to costs more.
 * {@code GET}, {@code DELETE} and {@code OPTIONS} check no password and stay James's own.
 */
final class OriginAwareAuthenticationRoutes extends AuthenticationRoutes {
    private final UsersRepository usersRepository;
    private final SimpleTokenManager simpleTokenManager;
    private final AccessTokenManager accessTokenManager;
    private final SimpleTokenFactory simpleTokenFactory;
    private final MetricFactory metricFactory;
    private final Authenticator authenticator;

    OriginAwareAuthenticationRoutes(UsersRepository usersRepository, SimpleTokenManager simpleTokenManager,
                                    AccessTokenManager accessTokenManager, SimpleTokenFactory simpleTokenFactory,
                                    MetricFactory metricFactory, Authenticator authenticator) {
        super(usersRepository, simpleTokenManager, accessTokenManager, simpleTokenFactory, metricFactory, authenticator);
        this.usersRepository = usersRepository;
        this.simpleTokenManager = simpleTokenManager;
        this.accessTokenManager = accessTokenManager;
        this.simpleTokenFactory = simpleTokenFactory;
        this.metricFactory = metricFactory;
        this.authenticator = authenticator;
    }

    @Override
    public Stream<JMAPRoute> routes() {
        return super.routes()
            .map(route -> isPost(route)
                ? JMAPRoute.builder().endpoint(route.getEndpoint()).action(this::postFromItsOrigin).noCorsHeaders()
                : route);
    }

    /** James's own POST action (CORS headers included), from routes that check passwords with the request's origin. */
    private Publisher<Void> postFromItsOrigin(HttpServerRequest request, HttpServerResponse response) {
        AuthenticationRoutes forRequest = new AuthenticationRoutes(new JmapRequestUsersRepository(usersRepository, request, Optional.empty()),
            simpleTokenManager, accessTokenManager, simpleTokenFactory, metricFactory, authenticator);
        return forRequest.routes()
            .filter(OriginAwareAuthenticationRoutes::isPost)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("James's authentication routes have no POST " + JMAPUrls.AUTHENTICATION))
            .getAction()
            .handleRequest(request, response);
    }

    private static boolean isPost(JMAPRoute route) {
        return route.getEndpoint().getMethod().equals(HttpMethod.POST)
            && route.getEndpoint().getPath().equals(JMAPUrls.AUTHENTICATION);
    }
}
