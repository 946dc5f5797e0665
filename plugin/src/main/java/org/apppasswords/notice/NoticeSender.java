package org.apppasswords.notice;

import org.apache.james.core.Username;

/**
 * Delivers a notice to the user's mailbox: the launcher's goes through James's own mail pipeline.
 * Blocking; throws when the notice could not be handed over.
 */
public interface NoticeSender {
    /** Without a launcher to hand notices to James: nothing is sent. */
    NoticeSender NONE = (user, notice) -> {
    };

    void send(Username user, Notice notice) throws Exception;
}
