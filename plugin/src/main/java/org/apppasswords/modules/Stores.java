package org.apppasswords.modules;

import java.time.Clock;

import javax.annotation.PreDestroy;
import javax.inject.Inject;
import javax.inject.Singleton;

import org.apppasswords.login.LastUseWriter;
import org.apppasswords.signout.LocalConnections;
import org.apppasswords.signout.SignOutRelay;

/**
 * The stores of the backend {@code store=} chose, opened once at start, and the writer of last uses
 * that writes into them, and the relay of sign-outs that reads them. Guice builds it itself, so
 * James calls {@link #close()} when it stops: the relay stops, pending last uses are written, then
 * the backend closes.
 */
@Singleton
final class Stores implements AutoCloseable {
    final Backend backend;
    final LastUseWriter lastUses;
    final SignOutRelay signOut;

    @Inject
    Stores(Backend backend, Clock clock, LocalConnections localConnections) {
        this.backend = backend;
        this.lastUses = new LastUseWriter(backend.appPasswords, clock);
        this.signOut = new SignOutRelay(backend.signOutNotices, localConnections, clock);
        signOut.start();
    }

    @PreDestroy
    @Override
    public void close() {
        signOut.close();
        try {
            lastUses.close();
        } finally {
            backend.close.run();
        }
    }
}
