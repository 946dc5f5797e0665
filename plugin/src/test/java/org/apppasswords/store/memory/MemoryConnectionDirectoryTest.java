package org.apppasswords.store.memory;

import org.apppasswords.signout.ConnectionDirectory;
import org.apppasswords.signout.ConnectionDirectoryContract;

class MemoryConnectionDirectoryTest implements ConnectionDirectoryContract {
    private final MemoryConnectionDirectory directory = new MemoryConnectionDirectory();

    @Override
    public ConnectionDirectory directory() {
        return directory;
    }
}
