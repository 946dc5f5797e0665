package org.apppasswords.selfservice;

import java.util.concurrent.Callable;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The stores, the password checks and the hashing are blocking (memory today, JDBC and a
 * password hash tomorrow): they run on Reactor's bounded elastic pool, never on a Netty event
 * loop, as James's own routes do.
 */
final class Blocking {
    private Blocking() {
    }

    static <T> Mono<T> call(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
