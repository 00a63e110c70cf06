package fr.rentree.mailing.service;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One e-mail to one recipient: a plain-text body, and an HTML body with its inline PNG images when there is one.
 *
 * @param inlineImages PNG images the HTML shows as {@code cid:<key>}
 * @param messageId    the Message-ID header, stable across attempts; null lets the server's library choose
 */
public record OutgoingMail(String to, String subject, String text, @Nullable String html,
                           Map<String, byte[]> inlineImages, @Nullable String messageId) {

    public OutgoingMail {
        inlineImages = Map.copyOf(inlineImages);
    }
}
