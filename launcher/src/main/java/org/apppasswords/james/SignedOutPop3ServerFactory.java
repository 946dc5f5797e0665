package org.apppasswords.james;

import javax.inject.Inject;

import org.apache.james.pop3server.netty.POP3Server;
import org.apache.james.pop3server.netty.POP3ServerFactory;

import io.netty.bootstrap.ServerBootstrap;

/**
 * James's POP3 servers, every connection kept ({@link ServerConnections}) to be signed out on a
 * revocation. Bound as a class, not provided: James injects its factory through setters.
 */
final class SignedOutPop3ServerFactory extends POP3ServerFactory {
    private final ServerConnections connections;

    @Inject
    SignedOutPop3ServerFactory(ProtocolConnections connections) {
        this.connections = connections.pop3;
    }

    @Override
    protected POP3Server createServer() {
        return new POP3Server() {
            @Override
            protected void configureBootstrap(ServerBootstrap bootstrap) {
                super.configureBootstrap(bootstrap);
                connections.keepEveryConnection(bootstrap);
            }
        };
    }
}
