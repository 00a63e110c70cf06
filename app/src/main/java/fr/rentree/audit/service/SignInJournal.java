package fr.rentree.audit.service;

import fr.rentree.audit.domain.AuditAction;
import fr.rentree.security.domain.Role;
import fr.rentree.security.service.SignedInUser;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Writes each sign-in of a director into the journal of each of their schools: who opened the back office, when,
 * from where. Failures and lockouts are the sign-in guard's record.
 */
@Component
class SignInJournal {

    private final AuditLog journal;

    SignInJournal(AuditLog journal) {
        this.journal = journal;
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SignedInUser user && user.role() == Role.DIRECTOR) {
            user.schoolUais().forEach(uai -> journal.recordAs(user.getUsername(), uai, AuditAction.SIGN_IN));
        }
    }
}
