package fr.rentree.siecle.domain;

import java.util.List;

import fr.rentree.directory.domain.Roster;
import fr.rentree.directory.domain.RosterChanges;
import org.jspecify.annotations.Nullable;

/**
 * What reading a school's exports found: the problems, and unless one of them is an error, the roster the exports
 * describe and the changes importing it would make (the preview).
 */
public record ImportAnalysis(String schoolUai, List<String> files, List<Finding> findings, @Nullable Roster roster,
                             RosterChanges changes) {

    public ImportAnalysis {
        files = List.copyOf(files);
        findings = List.copyOf(findings);
    }

    /** The key of the warning of an import that would send most of a profile's accounts to pré-suppression. */
    public static final String MASS_PRE_DELETION = "pre-deletion.mass";

    /**
     * Whether applying it needs to be confirmed expressly: it would send most of a profile's accounts to
     * pré-suppression (a file of another school or of another year, an export cut short...).
     */
    public boolean needsConfirmation() {
        return findings.stream().anyMatch(finding -> finding.key().equals(MASS_PRE_DELETION));
    }

    public boolean refused() {
        return roster == null;
    }

    public List<Finding> errors() {
        return findings.stream().filter(finding -> finding.severity() == Severity.ERROR).toList();
    }

    public List<Finding> warnings() {
        return findings.stream().filter(finding -> finding.severity() == Severity.WARNING).toList();
    }
}
