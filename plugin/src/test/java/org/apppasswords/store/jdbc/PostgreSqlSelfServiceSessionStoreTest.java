package org.apppasswords.store.jdbc;

import org.apppasswords.store.SelfServiceSessionStore;
import org.apppasswords.store.SelfServiceSessionStoreContract;
import org.junit.jupiter.api.BeforeEach;

class PostgreSqlSelfServiceSessionStoreTest implements SelfServiceSessionStoreContract {
    private SelfServiceSessionStore store;

    @BeforeEach
    void setUp() {
        store = TestDatabases.emptyPostgresql().sessions();
    }

    @Override
    public SelfServiceSessionStore testee() {
        return store;
    }
}
