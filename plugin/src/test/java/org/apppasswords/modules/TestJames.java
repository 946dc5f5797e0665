package org.apppasswords.modules;

import static org.mockito.Mockito.mock;

import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.dnsservice.api.DNSService;
import org.apache.james.domainlist.lib.DomainListConfiguration;
import org.apache.james.domainlist.memory.MemoryDomainList;
import org.apache.james.user.memory.MemoryUsersRepository;

/**
 * James's own memory users repository, with virtual hosting on {@link #DOMAIN}, holding the users
 * a test names: what {@link TestLogins#around} wraps when a test needs James to know someone.
 */
public final class TestJames {
    public static final Domain DOMAIN = Domain.of("example.org");

    private final MemoryUsersRepository repository;

    private TestJames() throws Exception {
        MemoryDomainList domains = new MemoryDomainList(mock(DNSService.class));
        domains.configure(DomainListConfiguration.builder().autoDetect(false).autoDetectIp(false).build());
        domains.addDomain(DOMAIN);
        repository = MemoryUsersRepository.withVirtualHosting(domains);
        BaseHierarchicalConfiguration configuration = new BaseHierarchicalConfiguration();
        configuration.addProperty("enableVirtualHosting", true);
        repository.configure(configuration);
    }

    public static TestJames create() throws Exception {
        return new TestJames();
    }

    /** Adds {@code user} (of {@link #DOMAIN}) with {@code password}. */
    public TestJames with(Username user, String password) throws Exception {
        repository.addUser(user, password);
        return this;
    }

    public MemoryUsersRepository repository() {
        return repository;
    }
}
