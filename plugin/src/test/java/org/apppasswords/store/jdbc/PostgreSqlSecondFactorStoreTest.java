package org.apppasswords.store.jdbc;

import org.apppasswords.store.SecondFactorStore;
import org.apppasswords.store.SecondFactorStoreContract;
import org.junit.jupiter.api.BeforeEach;

class PostgreSqlSecondFactorStoreTest implements SecondFactorStoreContract {
    private SecondFactorStore store;

    @BeforeEach
    void setUp() {
        store = TestDatabases.emptyPostgresql().secondFactors();
    }

    @Override
    public SecondFactorStore testee() {
        return store;
    }
}
