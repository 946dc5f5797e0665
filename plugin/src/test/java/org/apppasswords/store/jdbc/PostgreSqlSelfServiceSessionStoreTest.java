package org.apppasswords.store.jdbc;

import org.apppasswords.session.SelfServiceSessionStore;
import org.apppasswords.session.SelfServiceSessionStoreContract;
import org.apppasswords.store.UserGenerations;
import org.junit.jupiter.api.BeforeEach;

class PostgreSqlSelfServiceSessionStoreTest implements SelfServiceSessionStoreContract {
    private JdbcStores stores;

    @BeforeEach
    void setUp() {
        stores = TestDatabases.emptyPostgresql();
    }

    @Override
    public SelfServiceSessionStore testee() {
        return stores.sessions();
    }

    @Override
    public UserGenerations generations() {
        return stores.generations();
    }
}
