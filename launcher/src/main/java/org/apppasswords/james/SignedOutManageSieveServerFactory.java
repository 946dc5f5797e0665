package org.apppasswords.james;

import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import org.apache.commons.configuration2.HierarchicalConfiguration;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.managesieve.core.CoreProcessor;
import org.apache.james.managesieve.jsieve.Parser;
import org.apache.james.managesieve.transcode.ArgumentParser;
import org.apache.james.managesieve.transcode.ManageSieveProcessor;
import org.apache.james.managesieveserver.netty.ManageSieveServer;
import org.apache.james.managesieveserver.netty.ManageSieveServerFactory;
import org.apache.james.protocols.lib.netty.AbstractConfigurableAsyncServer;
import org.apache.james.sieverepository.api.SieveRepository;
import org.apache.james.user.api.UsersRepository;

import io.netty.bootstrap.ServerBootstrap;

/**
 * James's ManageSieve servers, every connection kept ({@link ServerConnections}) to be signed out
 * on a revocation. James 3.8.1 gives no hook to create its server, so this factory creates them as
 * James's does (one per {@code managesieveserver} entry, lines up to 8000 bytes, the same
 * processor built from the same collaborators, which Guice hands through James's setters, kept here).
 */
final class SignedOutManageSieveServerFactory extends ManageSieveServerFactory {
    private static final int MAX_LINE_LENGTH = 8000;

    private final ServerConnections connections;
    private FileSystem fileSystem;
    private SieveRepository sieveRepository;
    private UsersRepository usersRepository;
    private Parser sieveParser;

    @Inject
    SignedOutManageSieveServerFactory(ProtocolConnections connections) {
        this.connections = connections.manageSieve;
    }

    // Guice injects an overriding setter only when it says @Inject again.
    @Inject
    @Override
    public void setFileSystem(FileSystem fileSystem) {
        super.setFileSystem(fileSystem);
        this.fileSystem = fileSystem;
    }

    @Inject
    @Override
    public void setSieveRepository(SieveRepository sieveRepository) {
        super.setSieveRepository(sieveRepository);
        this.sieveRepository = sieveRepository;
    }

    @Inject
    @Override
    public void setUsersRepository(UsersRepository usersRepository) {
        super.setUsersRepository(usersRepository);
        this.usersRepository = usersRepository;
    }

    @Inject
    @Override
    public void setParser(Parser sieveParser) {
        super.setParser(sieveParser);
        this.sieveParser = sieveParser;
    }

    @Override
    protected List<AbstractConfigurableAsyncServer> createServers(HierarchicalConfiguration<ImmutableNode> config) throws Exception {
        ManageSieveProcessor processor = new ManageSieveProcessor(new ArgumentParser(new CoreProcessor(sieveRepository, usersRepository, sieveParser)));
        List<AbstractConfigurableAsyncServer> servers = new ArrayList<>();
        for (HierarchicalConfiguration<ImmutableNode> serverConfig : config.configurationsAt("managesieveserver")) {
            ManageSieveServer server = new ManageSieveServer(MAX_LINE_LENGTH, processor) {
                @Override
                protected void configureBootstrap(ServerBootstrap bootstrap) {
                    super.configureBootstrap(bootstrap);
                    connections.keepEveryConnection(bootstrap);
                }
            };
            server.setFileSystem(fileSystem);
            server.configure(serverConfig);
            servers.add(server);
        }
        return servers;
    }
}
