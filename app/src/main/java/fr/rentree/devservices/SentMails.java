package fr.rentree.devservices;

import java.util.List;
import java.util.Set;

import fr.rentree.security.domain.Role;
import fr.rentree.security.service.CurrentUser;
import fr.rentree.security.service.SignedInUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The mails of the dev SMTP catcher that the signed-in user may read: a director, those written for their schools
 * (the {@code X-Rentree-School} header the application sets); nobody else any. The mails hold logins, activation
 * codes and password links: even on a shared demo machine a director must not read another school's. Checked here,
 * not only in the screen.
 */
@Service
public class SentMails {

    private final ObjectProvider<DevMailbox> mailbox;
    private final CurrentUser currentUser;

    SentMails(ObjectProvider<DevMailbox> mailbox, CurrentUser currentUser) {
        this.mailbox = mailbox;
        this.currentUser = currentUser;
    }

    /**
     * Newest first: a director's schools' mails; an administrator's, the mails of no school (invitations of
     * back-office users), never a family's; empty when the catcher does not run, and for district staff.
     */
    public List<SentMail> mine() {
        SignedInUser user = currentUser.require();
        DevMailbox catcher = mailbox.getIfAvailable();
        if (catcher == null || user.role() == Role.DISTRICT_STAFF) { // district staff never read a family's mail
            return List.of();
        }
        if (user.role() == Role.ADMIN) {
            return catcher.sentMails(school -> school == null);
        }
        Set<String> schools = user.schoolUais();
        return catcher.sentMails(school -> school != null && schools.contains(school));
    }
}
