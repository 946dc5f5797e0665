package org.apppasswords.store.jdbc;

import org.apppasswords.session.SelfServiceSessionStore;
import org.apppasswords.session.SelfServiceSessionStoreContract;
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
