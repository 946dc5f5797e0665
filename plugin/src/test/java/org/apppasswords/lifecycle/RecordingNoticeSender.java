package org.apppasswords.lifecycle;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.apache.james.core.Username;
import org.apppasswords.notice.Notice;
import org.apppasswords.notice.NoticeSender;

/** A sender that keeps what it was given; it can be held until {@link #release()} and made to fail its next sends. */
final class RecordingNoticeSender implements NoticeSender {
    static final class Sent {
        final Username user;
        final Notice notice;

        Sent(Username user, Notice notice) {
            this.user = user;
            this.notice = notice;
        }
    }

    /** Whom the markers of {@link #subjectsOnceIdle} go to. */
    static final Username MARKER = Username.of("marker@example.org");

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToCome = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private int markers;

    @Override
    public void send(Username user, Notice notice) throws Exception {
        gate.await(30, TimeUnit.SECONDS);
        if (failuresToCome.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new IllegalStateException("the mail queue is down");
        }
        sent.add(new Sent(user, notice));
    }

    /** Sends wait until {@link #release()}. */
    void hold() {
        gate = new CountDownLatch(1);
    }

    void release() {
        gate.countDown();
    }

    void failNext(int sends) {
        failuresToCome.set(sends);
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** The subjects sent to {@code user} once each node handled all it had queued: a marker notice, queued last on each, went out. */
    List<String> subjectsOnceIdle(Username user, Notifier... nodes) {
        for (Notifier node : nodes) {
            node.totpEnabled(MARKER);
            markers++;
        }
        int expected = markers;
        await().atMost(Duration.ofSeconds(10)).until(() -> sent.stream().filter(each -> each.user.equals(MARKER)).count() == expected);
        return sent.stream().filter(each -> each.user.equals(user)).map(each -> each.notice.subject()).collect(Collectors.toList());
    }
}
