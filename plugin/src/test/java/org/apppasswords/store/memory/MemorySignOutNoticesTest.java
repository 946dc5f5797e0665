package org.apppasswords.store.memory;

import org.apppasswords.signout.SignOutNotices;
import org.apppasswords.signout.SignOutNoticesContract;

class MemorySignOutNoticesTest implements SignOutNoticesContract {
    private final MemorySignOutNotices notices = new MemorySignOutNotices();

    @Override
    public SignOutNotices notices() {
        return notices;
    }
}
