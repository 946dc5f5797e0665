package org.apppasswords.james;

import java.util.Set;

import javax.inject.Named;
import javax.inject.Provider;
import javax.inject.Singleton;

import org.apache.james.dnsservice.api.DNSService;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.imap.api.process.ImapProcessor;
import org.apache.james.imap.decode.ImapDecoder;
import org.apache.james.imap.encode.ImapEncoder;
import org.apache.james.imapserver.netty.IMAPServerFactory;
import org.apache.james.jmap.core.JmapRfc8621Configuration;
import org.apache.james.jmap.http.AuthenticationStrategy;
import org.apache.james.jmap.http.BasicAuthenticationStrategy;
import org.apache.james.jmap.rfc8621.RFC8621MethodsModule;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.metrics.api.GaugeRegistry;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.protocols.lib.handler.ProtocolHandlerLoader;
import org.apache.james.smtpserver.netty.SMTPServerFactory;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.utils.GuiceGenericLoader;
import org.apppasswords.signout.LocalConnections;
import org.apppasswords.signout.SignedInConnections;

import com.google.common.collect.ImmutableSet;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;

/**
 * Where a login comes from, on the exchanges where James 3.8.1 checks the password without saying
 * it: the login checks read the client address and the protocol from the thread's logging context
 * ({@code LoginOrigin}), for the throttle's per-address counts, the audit log and an app password's
 * last use. James's IMAP and SMTP servers are replaced by the same servers that keep the
 * connection's context around every read (SASL responses sent after a continuation), and JMAP
 * Basic by James's own strategy given each request's address. Draft-JMAP {@code /authentication}
 * gets the same in {@link DraftJmapAuthenticationModule}. POP3, ManageSieve, IMAP {@code LOGIN}
 * and the SASL initial-response forms already carry James's context.
 */
final class LoginOriginModule extends AbstractModule {
    @Provides
    @Singleton
    IMAPServerFactory imapServerFactory(FileSystem fileSystem, Provider<ImapDecoder> decoder, Provider<ImapEncoder> encoder,
                                        Provider<ImapProcessor> processor, MetricFactory metricFactory, GaugeRegistry gaugeRegistry,
                                        ImapConnections connections) {
        return new OriginAwareImapServerFactory(fileSystem, decoder, encoder, processor, metricFactory, gaugeRegistry, connections);
    }

    @Provides
    @Singleton
    ImapConnections imapConnections(SignedInConnections signedIn) {
        return new ImapConnections(signedIn);
    }

    /** Replaces the extension's default (no connection kept): a revocation ends the IMAP connections it concerns. */
    @Provides
    @Singleton
    LocalConnections localConnections(ImapConnections imapConnections) {
        return imapConnections;
    }

    @Provides
    @Singleton
    SMTPServerFactory smtpServerFactory(DNSService dns, ProtocolHandlerLoader loader, FileSystem fileSystem, MetricFactory metricFactory) {
        return new OriginAwareSmtpServerFactory(dns, loader, fileSystem, metricFactory);
    }

    /**
     * The strategies {@code jmap.properties} names ({@code authentication.strategy.rfc8621}),
     * instantiated by James's own provider, with James's Basic strategy (exactly that class, not a
     * subclass an operator configured) replaced by {@link OriginAwareBasicAuthenticationStrategy}.
     */
    @Provides
    @Singleton
    @Named("jmapRFC8621AuthenticationStrategies")
    Set<AuthenticationStrategy> rfc8621AuthenticationStrategies(GuiceGenericLoader loader, JmapRfc8621Configuration configuration,
                                                                UsersRepository usersRepository, MailboxManager mailboxManager) {
        return new RFC8621MethodsModule().provideAuthenticationStrategies(loader, configuration).stream()
            .map(strategy -> strategy.getClass() == BasicAuthenticationStrategy.class
                ? new OriginAwareBasicAuthenticationStrategy(usersRepository, mailboxManager)
                : strategy)
            .collect(ImmutableSet.toImmutableSet());
    }
}
