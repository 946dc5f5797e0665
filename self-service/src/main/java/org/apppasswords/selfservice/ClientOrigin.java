package org.apppasswords.selfservice;

import java.net.InetSocketAddress;
import java.util.Optional;

import org.apppasswords.audit.LoginOrigin;

import reactor.netty.http.server.HttpServerRequest;

/**
 * Where a self-service request comes from: the address of the TCP peer, as the failure counters
 * and the audit log key it. Behind a reverse proxy that is the proxy's address (forwarded headers
 * are not trusted: a client could write any address there), see docs/throttling.md.
 */
final class ClientOrigin {
    static final String PROTOCOL = "SELF-SERVICE";

    private ClientOrigin() {
    }

    static LoginOrigin of(HttpServerRequest request) {
        InetSocketAddress remote = request.remoteAddress();
        Optional<String> address = Optional.ofNullable(remote)
            .map(InetSocketAddress::getAddress)
            .map(inetAddress -> inetAddress.getHostAddress());
        return new LoginOrigin(address, Optional.of(PROTOCOL));
    }
}
