package org.apppasswords.modules;

import javax.inject.Inject;

import org.apache.james.core.healthcheck.ComponentName;
import org.apache.james.core.healthcheck.HealthCheck;
import org.apache.james.core.healthcheck.Result;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * James's health check of the app passwords store, shown by WebAdmin's {@code GET /healthcheck}
 * and {@code GET /healthcheck/checks/app-passwords-store}: healthy when a trivial query
 * ({@code SELECT 1}) succeeds, unhealthy otherwise. The unhealthy cause is a fixed sentence: the
 * database's own message (host names, ports, user) goes to the James log only.
 */
public final class StoreHealthCheck implements HealthCheck {
    public static final ComponentName COMPONENT = new ComponentName("app-passwords-store");
    static final String UNHEALTHY_CAUSE = "The app passwords store does not answer: logins that need it are refused (see the James log)";
    private static final Logger LOGGER = LoggerFactory.getLogger(StoreHealthCheck.class);

    private final Stores stores;

    @Inject
    StoreHealthCheck(Stores stores) {
        this.stores = stores;
    }

    @Override
    public ComponentName componentName() {
        return COMPONENT;
    }

    @Override
    public Publisher<Result> check() {
        return Mono.fromCallable(this::checkNow).subscribeOn(Schedulers.boundedElastic());
    }

    /** Blocking: at most the pool's connection timeout (2 s) when the database is gone. */
    Result checkNow() {
        try {
            stores.backend.ping.run();
            return Result.healthy(COMPONENT);
        } catch (RuntimeException e) {
            LOGGER.warn("Health check: the app passwords store does not answer: {}", e.getMessage());
            return Result.unhealthy(COMPONENT, UNHEALTHY_CAUSE);
        }
    }
}
