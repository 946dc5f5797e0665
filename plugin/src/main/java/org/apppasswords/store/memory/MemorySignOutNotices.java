package org.apppasswords.store.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.james.core.Username;
import org.apppasswords.signout.OpenedWith;
import org.apppasswords.signout.SignOutNotice;
import org.apppasswords.signout.SignOutNotices;

/** Sign-out notices for this JVM's one node. */
public final class MemorySignOutNotices implements SignOutNotices {
    private final List<SignOutNotice> notices = new ArrayList<>();
    private long lastSequence;

    @Override
    public synchronized void publish(Username user, OpenedWith openedWith, Instant at) {
        notices.add(new SignOutNotice(++lastSequence, user, openedWith, at));
    }

    @Override
    public synchronized List<SignOutNotice> since(Instant from) {
        return notices.stream().filter(notice -> !notice.at().isBefore(from)).collect(Collectors.toList());
    }

    @Override
    public synchronized void forgetBefore(Instant before) {
        notices.removeIf(notice -> notice.at().isBefore(before));
    }
}
