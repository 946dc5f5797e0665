package org.apppasswords.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The demo's {@code usersrepository.xml} (James's memory repository) with one setting changed, as
 * an operator would edit it: for {@link JamesWithAppPasswords#withUsersRepository}. Such a server
 * holds no {@link JamesWithAppPasswords#ADMIN}.
 */
final class DemoUsersRepository {
    private DemoUsersRepository() {
    }

    /** With {@code element} (such as {@code <verifyFailureDelay>1s</verifyFailureDelay>}) added. */
    static Supplier<String> with(String element) {
        return () -> {
            String demo = demo();
            return demo.replace("</usersrepository>", "    " + element + "\n</usersrepository>");
        };
    }

    /** With James's password hashing {@code algorithm} (such as {@code PBKDF2-SHA512-100000}) instead of the demo's. */
    static Supplier<String> withAlgorithm(String algorithm) {
        return () -> {
            String demo = demo();
            String changed = demo.replaceFirst("<algorithm>[^<]*</algorithm>", "<algorithm>" + algorithm + "</algorithm>");
            if (changed.equals(demo)) {
                throw new IllegalStateException("The demo's usersrepository.xml names no algorithm");
            }
            return changed;
        };
    }

    private static String demo() {
        try (InputStream xml = DemoUsersRepository.class.getResourceAsStream("/james-conf/usersrepository.xml")) {
            if (xml == null) {
                throw new IllegalStateException("demo/james-conf/usersrepository.xml is not on the test classpath");
            }
            return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
