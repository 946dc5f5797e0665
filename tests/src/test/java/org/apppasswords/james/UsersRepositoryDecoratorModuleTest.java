package org.apppasswords.james;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.james.data.UsersRepositoryModuleChooser.Implementation;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.ldap.ReadOnlyUsersLDAPRepository;
import org.apache.james.user.memory.MemoryUsersRepository;
import org.apppasswords.modules.LoginModule;
import org.junit.jupiter.api.Test;

import com.google.inject.Binding;
import com.google.inject.Key;
import com.google.inject.name.Names;
import com.google.inject.spi.Dependency;
import com.google.inject.spi.Elements;
import com.google.inject.spi.LinkedKeyBinding;
import com.google.inject.spi.ProviderInstanceBinding;

/**
 * The launcher wraps whichever repository James chose from {@code usersrepository.xml}: the
 * memory one by default, the LDAP one when an {@code ldapHost} is configured. This checks the
 * choice itself; {@code LdapDirectoryLoginTest} proves it end to end against a real slapd.
 */
class UsersRepositoryDecoratorModuleTest {
    private static final Key<UsersRepository> WRAPPED = Key.get(UsersRepository.class, Names.named(LoginModule.WRAPPED));

    @Test
    void defaultImplementationShouldWrapTheMemoryRepository() {
        assertThat(wrappedTargets(Implementation.DEFAULT)).containsExactly(Key.get(MemoryUsersRepository.class));
    }

    @Test
    void ldapImplementationShouldWrapTheLdapRepository() {
        assertThat(wrappedTargets(Implementation.LDAP)).containsExactly(Key.get(ReadOnlyUsersLDAPRepository.class));
    }

    /** What the wrapped repository is made of: the linked class, or the provider method's parameters. */
    private static List<Key<?>> wrappedTargets(Implementation implementation) {
        return Elements.getElements(UsersRepositoryDecoratorModule.forImplementation(implementation)).stream()
            .filter(Binding.class::isInstance)
            .map(element -> (Binding<?>) element)
            .filter(binding -> binding.getKey().equals(WRAPPED))
            .flatMap(UsersRepositoryDecoratorModuleTest::targets)
            .collect(Collectors.toList());
    }

    private static Stream<Key<?>> targets(Binding<?> binding) {
        if (binding instanceof LinkedKeyBinding) {
            return Stream.of(((LinkedKeyBinding<?>) binding).getLinkedKey());
        }
        if (binding instanceof ProviderInstanceBinding) {
            return ((ProviderInstanceBinding<?>) binding).getDependencies().stream().map(Dependency::getKey);
        }
        throw new AssertionError("Unexpected binding of the wrapped repository: " + binding);
    }
}
