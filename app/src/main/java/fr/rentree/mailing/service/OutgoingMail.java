package fr.rentree.mailing.service;

/** One plain-text e-mail to one recipient. */
public record OutgoingMail(String to, String subject, String body) {
}
