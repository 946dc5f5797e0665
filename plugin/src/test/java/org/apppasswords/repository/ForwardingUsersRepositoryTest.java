package org.apppasswords.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.james.user.api.UsersRepository;
import org.junit.jupiter.api.Test;

/**
 * The forwarding base class must override every method of James's interface, default methods
 * included: an inherited default would silently bypass the wrapped repository's own version (for
 * example the LDAP repository's rules), and a method James adds in a later version must not slip
 * through unnoticed.
 */
class ForwardingUsersRepositoryTest {
    @Test
    void shouldDeclareEveryMethodOfUsersRepositoryIncludingDefaultMethods() {
        List<String> notForwarded = Arrays.stream(UsersRepository.class.getMethods())
            .filter(method -> !Modifier.isStatic(method.getModifiers()))
            .filter(method -> !isDeclaredByForwardingClass(method))
            .map(Method::toGenericString)
            .collect(Collectors.toList());

        assertThat(notForwarded).isEmpty();
    }

    @Test
    void defaultMethodsOfTheInterfaceShouldBeAmongThoseForwarded() {
        assertThat(Arrays.stream(UsersRepository.class.getMethods()).filter(Method::isDefault))
            .extracting(Method::getName)
            .contains("getUsername", "assertValid")
            .allSatisfy(name -> assertThat(Arrays.stream(ForwardingUsersRepository.class.getDeclaredMethods()).map(Method::getName))
                .contains(name));
    }

    private static boolean isDeclaredByForwardingClass(Method method) {
        try {
            ForwardingUsersRepository.class.getDeclaredMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
