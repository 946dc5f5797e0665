package org.apppasswords.store.jdbc;

import org.apppasswords.store.UserGenerations;
import org.apppasswords.totp.SecondFactorStore;
import org.apppasswords.totp.SecondFactorStoreContract;
import org.junit.jupiter.api.BeforeEach;

class PostgreSqlSecondFactorStoreTest implements SecondFactorStoreContract {
    private JdbcStores stores;

    @BeforeEach
    void setUp() {
        stores = TestDatabases.emptyPostgresql();
    }

    @Override
    public SecondFactorStore testee() {
        return stores.secondFactors();
    }

    @Override
    public UserGenerations generations() {
        return stores.generations();
    }
}
