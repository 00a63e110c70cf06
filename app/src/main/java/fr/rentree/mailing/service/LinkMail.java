package fr.rentree.mailing.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * An e-mail whose point is one link (a password link, an invitation): paragraphs, the sentence that says what the link
 * does with the link under it, more paragraphs; as plain text and as the same HTML.
 *
 * @param before    the paragraphs above the link (greeting, what happened)
 * @param action    the sentence introducing the link (what it does, until when)
 * @param after     the paragraphs below it (what next, what if unexpected, the signature)
 * @param schoolUai the school the mail is written for, if any ({@link OutgoingMail#SCHOOL_HEADER})
 */
public record LinkMail(String to, String subject, List<String> before, String action, String link,
                       List<String> after, @Nullable String schoolUai) {

    public OutgoingMail outgoing() {
        return outgoing(null);
    }

    /** @param messageId the Message-ID header, stable across attempts when the mail is tracked */
    public OutgoingMail outgoing(@Nullable String messageId) {
        List<String> paragraphs = new ArrayList<>(before);
        paragraphs.add(action + "\n" + link);
        paragraphs.addAll(after);
        String plain = String.join("\n\n", paragraphs) + "\n";
        String html = "<!DOCTYPE html><html><body style=\"font-family: sans-serif; line-height: 1.5\">"
                + paragraphs(before) + "<p>" + HtmlUtils.htmlEscape(action) + "<br><a href=\""
                + HtmlUtils.htmlEscape(link) + "\">" + HtmlUtils.htmlEscape(link) + "</a></p>" + paragraphs(after)
                + "</body></html>";
        return new OutgoingMail(to, subject, plain, html, Map.of(), messageId, schoolUai);
    }

    private static String paragraphs(List<String> texts) {
        return texts.stream().map(text -> "<p>" + HtmlUtils.htmlEscape(text) + "</p>").collect(Collectors.joining());
    }
}
