package org.apppasswords.store.jdbc;

import org.apppasswords.throttle.LoginFailureStore;
import org.apppasswords.throttle.LoginFailureStoreContract;
import org.junit.jupiter.api.BeforeEach;

class PostgreSqlLoginFailureStoreTest implements LoginFailureStoreContract {
    private LoginFailureStore store;

    @BeforeEach
    void setUp() {
        store = TestDatabases.emptyPostgresql().loginFailures();
    }

    @Override
    public LoginFailureStore testee() {
        return store;
    }
}
