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
