package org.apppasswords.selfservice;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.jmap.Endpoint;
import org.apache.james.jmap.JMAPRoute;
import org.apache.james.jmap.JMAPRoutes;
import org.apppasswords.configuration.ClientSettings;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Mozilla's autoconfig (what Thunderbird asks a domain's {@code autoconfig} host) on James's JMAP
 * port, from the {@code clients.*} settings: {@code GET /.well-known/autoconfig/mail/config-v1.1.xml}
 * and {@code GET /mail/config-v1.1.xml}, each with an optional {@code emailaddress}. Settings only:
 * no password, no user name but Thunderbird's {@code %EMAILADDRESS%}. 404 when the settings are
 * absent, or when the address asked is not of a domain of this James.
 */
final class AutoconfigRoutes implements JMAPRoutes {
    static final List<String> PATHS = List.of("/.well-known/autoconfig/mail/config-v1.1.xml", "/mail/config-v1.1.xml");
    private static final int MAX_ADDRESS_LENGTH = 320;

    private final ClientSettings clients;
    private final DomainList domains;

    @Inject
    AutoconfigRoutes(ClientSettings clients, DomainList domains) {
        this.clients = clients;
        this.domains = domains;
    }

    @Override
    public Stream<JMAPRoute> routes() {
        return PATHS.stream().map(path -> JMAPRoute.builder()
            .endpoint(Endpoint.ofFixedPath(HttpMethod.GET, path))
            .action(this::answer)
            .noCorsHeaders());
    }

    private Mono<Void> answer(HttpServerRequest request, HttpServerResponse response) {
        return Blocking.call(() -> configFor(request))
            .flatMap(xml -> xml.map(body -> response.status(HttpResponseStatus.OK)
                    .header(HttpHeaderNames.CONTENT_TYPE, "application/xml; charset=utf-8")
                    .sendByteArray(Mono.just(body.getBytes(StandardCharsets.UTF_8))).then())
                .orElseGet(() -> response.status(HttpResponseStatus.NOT_FOUND).send()));
    }

    /** The document for the domain asked (Thunderbird's placeholder when none is); empty for 404. */
    private Optional<String> configFor(HttpServerRequest request) throws Exception {
        if (!clients.configured()) {
            return Optional.empty();
        }
        List<String> asked = new QueryStringDecoder(request.uri()).parameters().getOrDefault("emailaddress", List.of());
        if (asked.isEmpty()) {
            return Optional.of(AutoconfigXml.of(clients, "%EMAILDOMAIN%"));
        }
        Optional<Domain> domain = domainOf(asked.get(0));
        if (asked.size() > 1 || domain.isEmpty() || !domains.containsDomain(domain.get())) {
            return Optional.empty();
        }
        return Optional.of(AutoconfigXml.of(clients, domain.get().asString()));
    }

    private static Optional<Domain> domainOf(String address) {
        int at = address.lastIndexOf('@');
        if (address.length() > MAX_ADDRESS_LENGTH || at < 1 || at == address.length() - 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(Domain.of(address.substring(at + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
