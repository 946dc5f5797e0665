package org.apppasswords.modules;

import java.time.Clock;

import javax.annotation.PreDestroy;
import javax.inject.Inject;
import javax.inject.Singleton;

import org.apppasswords.login.LastUseWriter;

/**
 * The stores of the backend {@code store=} chose, opened once at start, and the writer of last uses
 * that writes into them. Guice builds it itself, so James calls {@link #close()} when it stops:
 * pending last uses are written, then the backend closes.
 */
@Singleton
final class Stores implements AutoCloseable {
    final Backend backend;
    final LastUseWriter lastUses;

    @Inject
    Stores(Backend backend, Clock clock) {
        this.backend = backend;
        this.lastUses = new LastUseWriter(backend.appPasswords, clock);
    }

    @PreDestroy
    @Override
    public void close() {
        try {
            lastUses.close();
        } finally {
            backend.close.run();
        }
    }
}
