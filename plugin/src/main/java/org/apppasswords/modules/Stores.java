package org.apppasswords.modules;

import java.time.Clock;

import javax.annotation.PreDestroy;
import javax.inject.Inject;
import javax.inject.Singleton;

import org.apppasswords.apppassword.IdleExpiry;
import org.apppasswords.lifecycle.IdleExpirySignOut;
import org.apppasswords.login.LastUseWriter;
import org.apppasswords.signout.LocalConnections;
import org.apppasswords.signout.DirectoryPublisher;
import org.apppasswords.signout.SignOutRelay;
import org.apppasswords.signout.SignedInConnections;

/**
 * The stores of the backend {@code store=} chose, opened once at start, and what works on them in
 * the background: the writer of last uses, the relay of sign-outs, the publisher of live
 * connections and the sign-out of app passwords idle too long. Guice builds it itself, so James calls {@link #close()} when it stops: the relay
 * stops, this node's connections are unpublished, pending last uses are written, then the backend closes.
 */
@Singleton
final class Stores implements AutoCloseable {
    final Backend backend;
    final LastUseWriter lastUses;
    final SignOutRelay signOut;
    final DirectoryPublisher connections;
    final IdleExpirySignOut idleExpirySignOut;

    @Inject
    Stores(Backend backend, Clock clock, LocalConnections localConnections, SignedInConnections signedIn, IdleExpiry idleExpiry) {
        this.backend = backend;
        this.lastUses = new LastUseWriter(backend.appPasswords, clock);
        this.signOut = new SignOutRelay(backend.signOutNotices, localConnections, clock);
        this.connections = new DirectoryPublisher(backend.connectionDirectory, signedIn, clock);
        this.idleExpirySignOut = new IdleExpirySignOut(backend.appPasswords, idleExpiry, signedIn, localConnections, clock);
        signOut.start();
        connections.start();
        idleExpirySignOut.start();
    }

    @PreDestroy
    @Override
    public void close() {
        signOut.close();
        idleExpirySignOut.close();
        try {
            connections.close();
            lastUses.close();
        } finally {
            backend.close.run();
        }
    }
}
