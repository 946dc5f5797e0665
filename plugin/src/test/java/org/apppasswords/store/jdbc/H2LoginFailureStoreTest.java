package org.apppasswords.store.jdbc;

import org.apppasswords.throttle.LoginFailureStore;
import org.apppasswords.throttle.LoginFailureStoreContract;
import org.junit.jupiter.api.BeforeEach;

class H2LoginFailureStoreTest implements LoginFailureStoreContract {
    private LoginFailureStore store;

    @BeforeEach
    void setUp() {
        store = TestDatabases.emptyH2().loginFailures();
    }

    @Override
    public LoginFailureStore testee() {
        return store;
    }
}
