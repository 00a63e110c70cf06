package fr.rentree.audit.service;

import fr.rentree.audit.domain.AuditAction;
import fr.rentree.school.domain.SchoolCreated;
import fr.rentree.school.domain.SchoolRemoved;
import fr.rentree.school.domain.SchoolsImported;
import fr.rentree.school.domain.SettingsChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes what happens to schools into the journal, in the saving transaction: a school's settings changed (its own
 * journal), schools created by an administrator or imported from the national directory (the administrators'). The
 * school feature publishes these rather than call the journal, whose screen lists schools: neither depends on the
 * other twice.
 */
@Component
class SchoolJournal {

    private final AuditLog journal;

    SchoolJournal(AuditLog journal) {
        this.journal = journal;
    }

    @EventListener
    void changed(SettingsChanged change) {
        journal.record(change.uai(), AuditAction.SCHOOL_SETTINGS, change.settings().name(),
                change.settings().contactEmail(), change.settings().entUrl());
    }

    @EventListener
    void created(SchoolCreated created) {
        journal.record(created.uai(), AuditAction.CREATE_SCHOOL, created.name());
    }

    @EventListener
    void removed(SchoolRemoved removed) {
        journal.record(null, AuditAction.REMOVE_SCHOOL, removed.uai(), removed.name());
    }

    @EventListener
    void imported(SchoolsImported imported) {
        journal.record(null, AuditAction.IMPORT_SCHOOLS, imported.fileName(), imported.created(), imported.updated(),
                imported.unchanged());
    }
}
