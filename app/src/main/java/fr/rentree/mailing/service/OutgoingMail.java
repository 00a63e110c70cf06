package fr.rentree.mailing.service;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One e-mail to one recipient: a plain-text body, and an HTML body with its inline PNG images when there is one.
 *
 * @param inlineImages PNG images the HTML shows as {@code cid:<key>}
 * @param messageId    the Message-ID header, stable across attempts; null lets the server's library choose
 * @param schoolUai    the school the mail is written for, sent as the {@value #SCHOOL_HEADER} header so that
 *                     whoever reads the mail later (the dev page "Courriels envoyés") can tell whose it is; null
 *                     when no school is concerned
 */
public record OutgoingMail(String to, String subject, String text, @Nullable String html,
                           Map<String, byte[]> inlineImages, @Nullable String messageId, @Nullable String schoolUai) {

    /** The header naming the school of a mail (its UAI). */
    public static final String SCHOOL_HEADER = "X-Rentree-School";

    public OutgoingMail {
        inlineImages = Map.copyOf(inlineImages);
    }

    /** A mail that concerns no school in particular. */
    public OutgoingMail(String to, String subject, String text, @Nullable String html,
                        Map<String, byte[]> inlineImages, @Nullable String messageId) {
        this(to, subject, text, html, inlineImages, messageId, null);
    }
}
