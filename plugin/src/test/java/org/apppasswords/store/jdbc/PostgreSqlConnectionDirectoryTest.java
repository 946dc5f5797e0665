package org.apppasswords.store.jdbc;

import org.apppasswords.signout.ConnectionDirectory;
import org.apppasswords.signout.ConnectionDirectoryContract;
import org.junit.jupiter.api.BeforeEach;

class PostgreSqlConnectionDirectoryTest implements ConnectionDirectoryContract {
    private JdbcStores stores;

    @BeforeEach
    void setUp() {
        stores = TestDatabases.emptyPostgresql();
    }

    @Override
    public ConnectionDirectory directory() {
        return stores.connectionDirectory();
    }
}
