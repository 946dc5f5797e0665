package org.apppasswords.modules;

import java.time.Clock;

import javax.annotation.PreDestroy;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Provider;
import javax.inject.Singleton;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apppasswords.activity.QueuedSignInRecorder;
import org.apppasswords.apppassword.IdleExpiry;
import org.apppasswords.configuration.NotificationSettings;
import org.apppasswords.device.ExpiredLinkPurge;
import org.apppasswords.device.ProfileLinkStore;
import org.apppasswords.lifecycle.IdleExpirySignOut;
import org.apppasswords.lifecycle.Notifier;
import org.apppasswords.login.LastUseWriter;
import org.apppasswords.notice.NoticeSender;
import org.apppasswords.notice.SecurityNotices;
import org.apppasswords.signout.DirectoryPublisher;
import org.apppasswords.signout.LocalConnections;
import org.apppasswords.signout.SignOutRelay;
import org.apppasswords.signout.SignedInConnections;

/**
 * The stores of the backend {@code store=} chose, opened once at start, and what works on them in
 * the background: the writer of last uses, the relay of sign-outs, the publisher of live
 * connections, the sign-out of app passwords idle too long, the sign-in history, the security notices and the purge of expired profile links. Guice builds it itself, so James calls {@link #close()} when it stops: the relay
 * stops, this node's connections are unpublished, pending last uses, sign-ins and notices are written, then the backend closes.
 */
@Singleton
final class Stores implements AutoCloseable {
    final Backend backend;
    final LastUseWriter lastUses;
    final SignOutRelay signOut;
    final DirectoryPublisher connections;
    final IdleExpirySignOut idleExpirySignOut;
    final QueuedSignInRecorder signIns;
    final SecurityNotices notices;
    final ExpiredLinkPurge expiredLinks;

    @Inject
    Stores(Backend backend, Clock clock, LocalConnections localConnections, SignedInConnections signedIn, IdleExpiry idleExpiry,
           @Named(LoginModule.WRAPPED) Provider<UsersRepository> wrapped, NoticeSender noticeSender, NotificationSettings notifications,
           ProfileLinkStore profileLinks) {
        this.backend = backend;
        this.lastUses = new LastUseWriter(backend.appPasswords, clock);
        // A provider: the repository James configured is built after the stores (it may depend on our decorator).
        this.signIns = new QueuedSignInRecorder(backend.history, user -> knownToJames(wrapped.get(), user), clock);
        this.notices = notifications.enabled() ? new Notifier(noticeSender, backend.secondFactors, backend.knownAddresses, clock)
            : SecurityNotices.NONE;
        this.expiredLinks = new ExpiredLinkPurge(profileLinks, clock);
        this.signOut = new SignOutRelay(backend.signOutNotices, localConnections, clock);
        this.connections = new DirectoryPublisher(backend.connectionDirectory, signedIn, clock);
        this.idleExpirySignOut = new IdleExpirySignOut(backend.appPasswords, idleExpiry, signedIn, localConnections, clock);
        signOut.start();
        connections.start();
        idleExpirySignOut.start();
        expiredLinks.start();
    }

    private static boolean knownToJames(UsersRepository repository, Username user) {
        try {
            return repository.contains(user);
        } catch (UsersRepositoryException e) {
            return false;
        }
    }

    @PreDestroy
    @Override
    public void close() {
        signOut.close();
        idleExpirySignOut.close();
        expiredLinks.close();
        try {
            connections.close();
            lastUses.close();
            signIns.close();
            if (notices instanceof Notifier) {
                ((Notifier) notices).close();
            }
        } finally {
            backend.close.run();
        }
    }
}
