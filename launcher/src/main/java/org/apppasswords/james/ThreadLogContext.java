package org.apppasswords.james;

import java.util.Map;

import org.slf4j.MDC;

/**
 * The calling thread's logging context ({@code MDC}) as it was when saved, put back on
 * {@link #close()}: whatever was added or removed in between is undone. The threads the launcher
 * sets a login's origin on (Netty event loops, reactor schedulers) serve many clients in turn, so
 * a value left behind would be read as the origin of the next, unrelated login.
 */
final class ThreadLogContext implements AutoCloseable {
    private final Map<String, String> saved;

    private ThreadLogContext(Map<String, String> saved) {
        this.saved = saved;
    }

    static ThreadLogContext save() {
        return new ThreadLogContext(MDC.getCopyOfContextMap());
    }

    @Override
    public void close() {
        if (saved == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(saved);
        }
    }
}
