package org.apppasswords.store.jdbc;

import org.apppasswords.signout.SignOutNotices;
import org.apppasswords.signout.SignOutNoticesContract;
import org.junit.jupiter.api.BeforeEach;

class PostgreSqlSignOutNoticesTest implements SignOutNoticesContract {
    private JdbcStores stores;

    @BeforeEach
    void setUp() {
        stores = TestDatabases.emptyPostgresql();
    }

    @Override
    public SignOutNotices notices() {
        return stores.signOutNotices();
    }
}
