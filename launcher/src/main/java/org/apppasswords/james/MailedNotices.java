package org.apppasswords.james;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import javax.inject.Inject;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.mailet.MailetContext;
import org.apppasswords.configuration.NotificationSettings;
import org.apppasswords.notice.Notice;
import org.apppasswords.notice.NoticeSender;

/**
 * Hands each security notice to James's own mail pipeline (its spool, then the mailet container's
 * processors: local delivery into the user's INBOX, Sieve and all), as James's own bounces go: a
 * plain text and an HTML part, from {@code notifications.from} or James's postmaster, marked
 * {@code Auto-Submitted} so that no vacation reply answers it. {@code notifications.bcc} is a
 * second envelope recipient of the same message: the user sees no trace of it.
 */
final class MailedNotices implements NoticeSender {
    private final MailetContext mailets;
    private final UsersRepository users;
    private final NotificationSettings settings;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());

    @Inject
    MailedNotices(MailetContext mailets, UsersRepository users, NotificationSettings settings, Clock clock) {
        this.mailets = mailets;
        this.users = users;
        this.settings = settings;
        this.clock = clock;
    }

    /** Tells only a user James knows when the notice is sent: a name gone from the directory has no mailbox to tell. */
    @Override
    public void send(Username user, Notice notice) throws Exception {
        if (!users.contains(user)) {
            return;
        }
        MailAddress from = settings.from().orElseGet(mailets::getPostmaster);
        MailAddress to = users.getMailAddressFor(user);
        List<MailAddress> recipients = new ArrayList<>(List.of(to));
        settings.bcc().ifPresent(recipients::add);
        mailets.sendMail(from, recipients, message(from, to, notice));
    }

    private MimeMessage message(MailAddress from, MailAddress to, Notice notice) throws MessagingException {
        MimeMultipart alternatives = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(notice.plainText(settings.page()), "UTF-8");
        alternatives.addBodyPart(text);
        MimeBodyPart html = new MimeBodyPart();
        html.setText(notice.html(settings.page()), "UTF-8", "html");
        alternatives.addBodyPart(html);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(from.toInternetAddress().orElseThrow());
        message.setRecipient(Message.RecipientType.TO, to.toInternetAddress().orElseThrow());
        message.setSubject(notice.subject(), "UTF-8");
        message.setSentDate(Date.from(clock.instant()));
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setContent(alternatives);
        message.saveChanges();
        return message;
    }
}
