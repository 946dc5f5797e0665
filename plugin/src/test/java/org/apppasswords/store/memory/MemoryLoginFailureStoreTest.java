package org.apppasswords.store.memory;

import org.apppasswords.throttle.LoginFailureStore;
import org.apppasswords.throttle.LoginFailureStoreContract;
import org.junit.jupiter.api.BeforeEach;

class MemoryLoginFailureStoreTest implements LoginFailureStoreContract {
    private MemoryLoginFailureStore store;

    @BeforeEach
    void setUp() {
        store = new MemoryLoginFailureStore();
    }

    @Override
    public LoginFailureStore testee() {
        return store;
    }
}
