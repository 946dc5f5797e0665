package org.apppasswords.james;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.james.data.UsersRepositoryModuleChooser.Implementation;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.ldap.ReadOnlyUsersLDAPRepository;
import org.apache.james.user.memory.MemoryUsersRepository;
import org.junit.jupiter.api.Test;

import com.google.inject.Key;
import com.google.inject.spi.Element;
import com.google.inject.spi.Elements;
import com.google.inject.spi.LinkedKeyBinding;

/**
 * The launcher wraps whichever repository James chose from {@code usersrepository.xml}: the
 * memory one by default, the LDAP one when an {@code ldapHost} is configured. (A real slapd end
 * to end comes with the LDAP issue; this checks the choice itself.)
 */
class UsersRepositoryDecoratorModuleTest {
    @Test
    void defaultImplementationShouldWrapTheMemoryRepository() {
        assertThat(wrappedTargets(Implementation.DEFAULT)).containsExactly(Key.get(MemoryUsersRepository.class));
    }

    @Test
    void ldapImplementationShouldWrapTheLdapRepository() {
        assertThat(wrappedTargets(Implementation.LDAP)).containsExactly(Key.get(ReadOnlyUsersLDAPRepository.class));
    }

    private static List<Key<?>> wrappedTargets(Implementation implementation) {
        List<Element> elements = Elements.getElements(UsersRepositoryDecoratorModule.forImplementation(implementation));
        return elements.stream()
            .filter(LinkedKeyBinding.class::isInstance)
            .map(element -> (LinkedKeyBinding<?>) element)
            .filter(binding -> binding.getKey().getTypeLiteral().getRawType() == UsersRepository.class)
            .map(LinkedKeyBinding::getLinkedKey)
            .collect(Collectors.toList());
    }
}
