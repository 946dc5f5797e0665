package org.apppasswords.store.memory;

import org.apppasswords.store.LoginFailureStore;
import org.apppasswords.store.LoginFailureStoreContract;
import org.junit.jupiter.api.BeforeEach;

class MemoryLoginFailureStoreTest implements LoginFailureStoreContract {
    private LoginFailureStore store;

    @BeforeEach
    void setUp() {
        store = new MemoryLoginFailureStore();
    }

    @Override
    public LoginFailureStore testee() {
        return store;
    }
}
