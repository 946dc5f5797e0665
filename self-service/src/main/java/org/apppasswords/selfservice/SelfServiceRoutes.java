package org.apppasswords.selfservice;

import java.util.function.Function;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.apache.james.jmap.Endpoint;
import org.apache.james.jmap.JMAPRoute;
import org.apache.james.jmap.JMAPRoutes;
import org.apppasswords.selfservice.page.PageRoutes;
import org.apppasswords.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

/**
 * Every route of the self-service API under {@value #BASE}, on James's JMAP HTTP port. Each
 * answer is a {@link Reply}: a refusal becomes the JSON error shape, and anything unexpected a
 * bare 500 with no detail (logged here, without secrets: no exception of ours carries one).
 */
public final class SelfServiceRoutes implements JMAPRoutes {
    public static final String BASE = "/app-passwords-api";
    private static final Logger LOGGER = LoggerFactory.getLogger(SelfServiceRoutes.class);

    private final SessionRoutes sessions;
    private final TotpRoutes totp;
    private final AppPasswordRoutes appPasswords;
    private final DeviceRoutes devices;
    private final PageRoutes page;
    private final ActivityRoutes activity;

    @Inject
    SelfServiceRoutes(SessionRoutes sessions, TotpRoutes totp, AppPasswordRoutes appPasswords, DeviceRoutes devices, PageRoutes page,
                      ActivityRoutes activity) {
        this.sessions = sessions;
        this.totp = totp;
        this.appPasswords = appPasswords;
        this.devices = devices;
        this.page = page;
        this.activity = activity;
    }

    @Override
    public Stream<JMAPRoute> routes() {
        // James takes the first route that matches: the page (PageRoutes.BASE) comes before the API's catch-alls.
        return Stream.of(page.routes(), Stream.of(
            route(HttpMethod.POST, "/session", sessions::signIn),
            route(HttpMethod.DELETE, "/session", sessions::signOut),
            route(HttpMethod.POST, "/totp", totp::start),
            route(HttpMethod.POST, "/totp/confirm", totp::confirm),
            route(HttpMethod.DELETE, "/totp", totp::disable),
            route(HttpMethod.GET, "/app-passwords", appPasswords::list),
            route(HttpMethod.POST, "/app-passwords", appPasswords::create),
            route(HttpMethod.DELETE, "/app-passwords", appPasswords::revokeAll),
            route(HttpMethod.DELETE, "/app-passwords/{id}", appPasswords::revoke),
            route(HttpMethod.GET, "/device-setup", devices::devices),
            route(HttpMethod.GET, "/device-profiles/{token}", devices::profile),
            route(HttpMethod.GET, "/activity", activity::list)),
            Stream.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)
                .flatMap(method -> Stream.of(route(method, "", UnknownRoutes::refuse), route(method, "/**", UnknownRoutes::refuse))))
            .flatMap(routes -> routes);
    }

    private static JMAPRoute route(HttpMethod method, String path, Function<HttpServerRequest, Mono<Reply>> handler) {
        Endpoint endpoint = path.contains("{") || path.contains("*")
            ? new Endpoint(method, BASE + path)
            : Endpoint.ofFixedPath(method, BASE + path);
        return JMAPRoute.builder()
            .endpoint(endpoint)
            .action((request, response) -> Mono.defer(() -> handler.apply(request))
                .onErrorResume(ApiError.class, error -> Mono.just(Reply.error(error)))
                .onErrorResume(StoreUnavailableException.class, error -> {
                    // The database's reason goes to the log only; refusing here is failing closed.
                    LOGGER.warn("Self-service request {} {} refused: {}", method, BASE + path, error.getMessage());
                    return Mono.just(Reply.error(ApiError.storeUnavailable()));
                })
                .onErrorResume(error -> {
                    LOGGER.error("Self-service request {} {} failed", method, BASE + path, error);
                    return Mono.just(Reply.error(ApiError.internal()));
                })
                .flatMap(reply -> reply.send(response)))
            .noCorsHeaders();
    }
}
