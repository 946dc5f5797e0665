package org.apppasswords.james;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import reactor.netty.http.server.HttpServerRequest;

class JmapRequestUsersRepositoryTest {
    private static final Username ALICE = Username.of("alice@example.com");

    private final AtomicReference<Map<String, String>> seenByTheCheck = new AtomicReference<>();
    private final UsersRepository james = mock(UsersRepository.class);

    @AfterEach
    void clearThread() {
        MDC.clear();
    }

    private UsersRepository viewFrom(InetSocketAddress remoteAddress) throws Exception {
        return viewFrom(remoteAddress, Optional.empty());
    }

    private UsersRepository viewFrom(InetSocketAddress remoteAddress, Optional<String> connection) throws Exception {
        when(james.test(any(), anyString())).thenAnswer(invocation -> {
            Map<String, String> context = MDC.getCopyOfContextMap();
            seenByTheCheck.set(context == null ? Map.of() : context);
            return true;
        });
        HttpServerRequest request = mock(HttpServerRequest.class);
        when(request.remoteAddress()).thenReturn(remoteAddress);
        return new JmapRequestUsersRepository(james, request, connection);
    }

    @Test
    void theCheckShouldSeeTheClientAddressAndJmap() throws Exception {
        UsersRepository view = viewFrom(new InetSocketAddress("203.0.113.7", 40123));

        assertThat(view.test(ALICE, "secret")).isTrue();

        assertThat(seenByTheCheck.get()).containsEntry("ip", "203.0.113.7").containsEntry("protocol", "JMAP");
    }

    @Test
    void theThreadsOwnContextShouldBeBackAfterTheCheck() throws Exception {
        MDC.put("ip", "198.51.100.1");
        MDC.put("unrelated", "kept");
        Map<String, String> before = new HashMap<>(MDC.getCopyOfContextMap());
        UsersRepository view = viewFrom(new InetSocketAddress("203.0.113.7", 40123));

        view.test(ALICE, "secret");

        assertThat(MDC.getCopyOfContextMap()).isEqualTo(before);
    }

    @Test
    void aRequestWithoutAPeerAddressShouldNotInheritTheThreadsStaleOne() throws Exception {
        MDC.put("ip", "198.51.100.1");
        UsersRepository view = viewFrom(null);

        view.test(ALICE, "secret");

        assertThat(seenByTheCheck.get()).doesNotContainKey("ip").containsEntry("protocol", "JMAP");
    }

    @Test
    void aPushRequestShouldBeCheckedUnderItsConnectionAndAnyOtherUnderNone() throws Exception {
        MDC.put("sessionId", "an-imap-session-served-before");

        viewFrom(new InetSocketAddress("203.0.113.7", 40123), Optional.of("push-connection")).test(ALICE, "secret");
        assertThat(seenByTheCheck.get()).containsEntry("sessionId", "push-connection");

        viewFrom(new InetSocketAddress("203.0.113.7", 40123)).test(ALICE, "secret");
        assertThat(seenByTheCheck.get()).doesNotContainKey("sessionId");
    }
}
