package fr.rentree.audit.service;

import fr.rentree.audit.domain.AuditAction;
import fr.rentree.school.domain.SettingsChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes each change of a school's settings into its journal, in the saving transaction. The school feature
 * publishes the change rather than call the journal, whose screen lists schools: neither depends on the other twice.
 */
@Component
class SettingsJournal {

    private final AuditLog journal;

    SettingsJournal(AuditLog journal) {
        this.journal = journal;
    }

    @EventListener
    void changed(SettingsChanged change) {
        journal.record(change.uai(), AuditAction.SCHOOL_SETTINGS, change.settings().name(),
                change.settings().contactEmail(), change.settings().entUrl());
    }
}
