package org.apppasswords.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apppasswords.store.LoginFailureStore;
import org.apppasswords.store.LoginFailureStoreContract;
import org.apppasswords.store.LoginFailures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MemoryLoginFailureStoreTest implements LoginFailureStoreContract {
    private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");

    private LoginFailureStore store;

    @BeforeEach
    void setUp() {
        store = new MemoryLoginFailureStore();
    }

    @Override
    public LoginFailureStore testee() {
        return store;
    }

    @Test
    void theOldestNamesShouldBeDroppedBeyondTheCap() {
        MemoryLoginFailureStore capped = new MemoryLoginFailureStore(3);
        for (int i = 0; i < 5; i++) {
            capped.replace(Username.of("user" + i), "account", Optional.empty(), LoginFailures.first(NOW, "f" + i));
        }

        assertThat(capped.find(Username.of("user0"))).isEmpty();
        assertThat(capped.find(Username.of("user1"))).isEmpty();
        assertThat(capped.find(Username.of("user2"))).containsKey("account");
        assertThat(capped.find(Username.of("user4"))).containsKey("account");
    }

    @Test
    void theOldestAddressScopeOfANameShouldBeDroppedBeyondTheScopeCap() {
        MemoryLoginFailureStore capped = new MemoryLoginFailureStore();
        Username user = Username.of("user");
        capped.replace(user, "account", Optional.empty(), LoginFailures.first(NOW, "a"));
        for (int i = 0; i < MemoryLoginFailureStore.MAX_SCOPES_PER_KEY; i++) {
            capped.replace(user, "address:" + i, Optional.empty(), LoginFailures.first(NOW.plusSeconds(i), "f"));
        }

        assertThat(capped.find(user)).hasSize(MemoryLoginFailureStore.MAX_SCOPES_PER_KEY)
            .containsKey("account").doesNotContainKey("address:0").containsKey("address:1");
    }
}
