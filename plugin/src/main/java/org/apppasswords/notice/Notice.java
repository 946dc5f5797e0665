package org.apppasswords.notice;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One security notice, as text: a subject that says what happened, a sentence, the facts (time,
 * address, label...) and what to do if it was not the user. Rendered as plain text and as a simple
 * HTML part ({@link #plainText}, {@link #html}). Built by {@link Notices}; holds no secret, by
 * construction: no factory takes a password, a code or a token.
 */
public final class Notice {
    private final String subject;
    private final String summary;
    private final List<Fact> facts;
    private final String ifNotYou;

    Notice(String subject, String summary, List<Fact> facts, String ifNotYou) {
        this.subject = Objects.requireNonNull(subject);
        this.summary = Objects.requireNonNull(summary);
        this.facts = Collections.unmodifiableList(new ArrayList<>(facts));
        this.ifNotYou = Objects.requireNonNull(ifNotYou);
    }

    /** A named value of a notice, such as {@code Address: 203.0.113.7}. */
    static final class Fact {
        final String name;
        final String value;

        Fact(String name, String value) {
            this.name = name;
            this.value = value;
        }
    }

    public String subject() {
        return subject;
    }

    /** {@code page}: the app passwords page, where the user revokes what they do not recognise. */
    public String plainText(Optional<URI> page) {
        StringBuilder text = new StringBuilder(summary).append("\n\n");
        for (Fact fact : facts) {
            text.append("  ").append(fact.name).append(": ").append(fact.value).append('\n');
        }
        text.append('\n').append(ifNotYou);
        page.ifPresent(uri -> text.append("\nYour app passwords page: ").append(uri));
        return text.append("\n\n-- \n").append(Notices.FOOTER).append('\n').toString();
    }

    public String html(Optional<URI> page) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family: sans-serif\">")
            .append("<p>").append(escape(summary)).append("</p><table>");
        for (Fact fact : facts) {
            html.append("<tr><th style=\"text-align: left; padding-right: 1em\">").append(escape(fact.name)).append("</th><td>")
                .append(escape(fact.value)).append("</td></tr>");
        }
        html.append("</table><p>").append(escape(ifNotYou)).append("</p>");
        page.ifPresent(uri -> html.append("<p><a href=\"").append(escape(uri.toString())).append("\">Your app passwords page</a></p>"));
        return html.append("<p style=\"color: #666\">").append(escape(Notices.FOOTER)).append("</p></body></html>").toString();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<': escaped.append("&lt;"); break;
                case '>': escaped.append("&gt;"); break;
                case '&': escaped.append("&amp;"); break;
                case '"': escaped.append("&quot;"); break;
                case '\'': escaped.append("&#39;"); break;
                default: escaped.append(c);
            }
        }
        return escaped.toString();
    }

    @Override
    public String toString() {
        return "Notice[" + subject + "]";
    }
}
