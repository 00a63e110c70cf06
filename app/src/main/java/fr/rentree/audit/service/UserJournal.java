package fr.rentree.audit.service;

import fr.rentree.audit.domain.AuditAction;
import fr.rentree.security.domain.UserChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Writes the administrators' changes of back-office users into the journal, in the saving transaction. */
@Component
class UserJournal {

    private final AuditLog journal;

    UserJournal(AuditLog journal) {
        this.journal = journal;
    }

    @EventListener
    void changed(UserChanged change) {
        AuditAction action = switch (change.change()) {
            case CREATED -> AuditAction.CREATE_USER;
            case EDITED -> AuditAction.EDIT_USER;
            case DISABLED -> AuditAction.DISABLE_USER;
            case ENABLED -> AuditAction.ENABLE_USER;
            case SECOND_FACTOR_RESET -> AuditAction.RESET_SECOND_FACTOR;
        };
        journal.record(null, action, change.username(), change.role().name());
    }
}
