package fr.rentree.mailing.service;

import org.springframework.mail.MailException;

/** The bounce mailbox could not be read (server down, wrong login): it is tried again at the next turn. */
public class BounceMailboxException extends MailException {

    BounceMailboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
