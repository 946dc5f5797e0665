package org.apppasswords.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.mail.Folder;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.Session;
import javax.mail.Store;

/** Reads a user's INBOX as a mail client does: over IMAP (JavaMail), from a chosen loopback address. */
final class ImapInbox {
    private ImapInbox() {
    }

    /** A message as delivered: its subject, envelope-visible recipients, parts and whole source. */
    static final class Mail {
        final String subject;
        final String plainText;
        final String html;
        final String source;

        Mail(String subject, String plainText, String html, String source) {
            this.subject = subject;
            this.plainText = plainText;
            this.html = html;
            this.source = source;
        }

        @Override
        public String toString() {
            return subject;
        }
    }

    static List<Mail> read(JamesConfDirectory.Ports ports, String user, String password) throws MessagingException, IOException {
        return read(ports, Protocol.LOOPBACK, user, password);
    }

    static List<Mail> read(JamesConfDirectory.Ports ports, String source, String user, String password) throws MessagingException, IOException {
        Protocol.rememberSent("", user, password);
        Properties properties = new Properties();
        properties.setProperty("mail.imap.localaddress", source);
        properties.setProperty("mail.imap.connectiontimeout", "10000");
        properties.setProperty("mail.imap.timeout", "10000");
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect(Protocol.LOOPBACK, ports.imap, user, password);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Mail> mails = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                message.writeTo(raw);
                mails.add(new Mail(message.getSubject(), part(message, "text/plain"), part(message, "text/html"),
                    raw.toString(StandardCharsets.UTF_8)));
            }
            inbox.close(false);
            return mails;
        } finally {
            store.close();
        }
    }

    /** The first part of that type, or "" when there is none. */
    private static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                String found = part(parts.getBodyPart(i), type);
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return "";
    }
}
