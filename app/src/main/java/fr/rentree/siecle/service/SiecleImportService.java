package fr.rentree.siecle.service;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.rentree.audit.domain.AuditAction;
import fr.rentree.audit.service.AuditLog;
import fr.rentree.base.i18n.Institution;
import fr.rentree.directory.domain.ChangeKind;
import fr.rentree.directory.domain.Profile;
import fr.rentree.directory.domain.Roster;
import fr.rentree.directory.domain.RosterChanges;
import fr.rentree.directory.domain.SchoolYear;
import fr.rentree.directory.service.DirectoryService;
import fr.rentree.school.service.SchoolService;
import fr.rentree.security.service.CurrentUser;
import fr.rentree.siecle.domain.ExportFile;
import fr.rentree.siecle.domain.ExportKind;
import fr.rentree.siecle.domain.Finding;
import fr.rentree.siecle.domain.ImportAnalysis;
import fr.rentree.siecle.domain.Severity;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a school's SIECLE and STS-web exports in two steps, as the director sees them: {@link #analyse} reads and
 * checks the files and previews the changes without writing anything; {@link #apply} makes them, all or nothing.
 */
@Service
@EnableConfigurationProperties(SiecleSettings.class)
public class SiecleImportService {

    private final DirectoryService directory;
    private final SchoolService schools;
    private final SiecleSettings settings;
    private final ExportOpener opener;
    private final Clock clock;
    private final AuditLog journal;
    private final CurrentUser currentUser;

    SiecleImportService(DirectoryService directory, SchoolService schools, SiecleSettings settings, Clock clock,
                        AuditLog journal, CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.directory = directory;
        this.schools = schools;
        this.settings = settings;
        this.opener = new ExportOpener(settings.maxFileSize().toBytes());
        this.clock = clock;
        this.journal = journal;
    }

    /** A new upload of exports for one import, within the limits of {@link SiecleSettings}. */
    public ExportUpload newUpload() {
        return new ExportUpload(settings);
    }

    /**
     * Reads and checks the exports for this school, as one of its directors (or the {@code import-siecle} command):
     * the UAI the screen passes is checked here, not trusted.
     */
    public ImportAnalysis analyse(String uai, List<ExportFile> files) {
        currentUser.requireDirectorOrSystem(uai);
        List<Finding> findings = new ArrayList<>();
        List<String> names = files.stream().map(ExportFile::name).toList();
        if (files.isEmpty()) {
            findings.add(Finding.error("nothing", "", null));
        }
        if (files.size() > settings.maxFiles()) { // whoever calls: the screen's upload counts too, the command does not
            findings.add(Finding.error("too-many-files", "", null, settings.maxFiles()));
            return refused(uai, names, findings);
        }
        if (schools.find(uai).isEmpty()) {
            findings.add(Finding.error("school.unknown", "", null, uai));
        }
        Map<ExportKind, ExportContent> contents = new EnumMap<>(ExportKind.class);
        for (ExportFile file : files) {
            read(file, findings).ifPresent(content -> {
                ExportContent other = contents.putIfAbsent(content.kind(), content);
                if (other != null) {
                    findings.add(Finding.error("kind.duplicate", other.file(), null, file.name()));
                }
            });
        }
        if (hasErrors(findings)) {
            return refused(uai, names, findings);
        }
        LocalDate today = LocalDate.now(clock);
        var roster = new RosterBuilder(settings, school -> schools.find(school).map(s -> new Institution(s.name())), uai,
                SchoolYear.of(today), today, findings)
                .build(List.copyOf(contents.values()), () -> directory.activePupils(uai));
        if (hasErrors(findings)) {
            return refused(uai, names, findings);
        }
        RosterChanges changes = directory.preview(roster);
        massPreDeletions(roster, changes, contents, findings);
        return new ImportAnalysis(uai, names, findings, roster, changes);
    }

    /**
     * Says which profiles the import would send mostly to pré-suppression ({@link SiecleSettings#massPreDeletionPercent}
     * of their active imported accounts, at least {@link SiecleSettings#massPreDeletionMinimum}): applying it then
     * needs an express confirmation ({@link ImportAnalysis#needsConfirmation()}). The accounts active before are the
     * roster's entries matched (neither created nor restored) plus those leaving.
     */
    private void massPreDeletions(Roster roster, RosterChanges changes, Map<ExportKind, ExportContent> contents,
                                  List<Finding> findings) {
        for (Profile profile : Profile.values()) {
            int leaving = count(changes, ChangeKind.PRE_DELETE, profile);
            if (leaving == 0 || leaving < settings.massPreDeletionMinimum()) {
                continue;
            }
            long listed = roster.entries().stream().filter(entry -> entry.profile() == profile).count();
            long active = listed - count(changes, ChangeKind.CREATE, profile)
                    - count(changes, ChangeKind.RESTORE, profile) + leaving;
            if (leaving * 100L > settings.massPreDeletionPercent() * active) {
                ExportKind kind = switch (profile) {
                    case STUDENT -> ExportKind.PUPILS;
                    case PARENT -> ExportKind.GUARDIANS;
                    default -> ExportKind.STAFF;
                };
                ExportContent export = contents.get(kind);
                findings.add(Finding.warning(ImportAnalysis.MASS_PRE_DELETION, export == null ? "" : export.file(),
                        null, leaving, active, leaving * 100 / active,
                        new DefaultMessageSourceResolvable("profile." + profile)));
            }
        }
    }

    private static int count(RosterChanges changes, ChangeKind kind, Profile profile) {
        return (int) changes.ofKind(kind).stream().filter(change -> change.entry().profile() == profile).count();
    }

    /**
     * Applies an analysis that was not refused and needs no express confirmation; the changes are computed again at
     * that moment and returned. The journal records it in the same transaction.
     */
    @Transactional
    public RosterChanges apply(ImportAnalysis analysis, String importedBy) {
        return apply(analysis, importedBy, false);
    }

    /**
     * Applies an analysis that was not refused, as {@link #apply(ImportAnalysis, String)}.
     *
     * @param preDeletionConfirmed whether the person confirmed expressly the mass pré-suppression the analysis warns
     *                             of ({@link ImportAnalysis#needsConfirmation()}): without it, such an import is refused
     */
    @Transactional
    public RosterChanges apply(ImportAnalysis analysis, String importedBy, boolean preDeletionConfirmed) {
        if (analysis.refused()) {
            throw new IllegalArgumentException("a refused import cannot be applied");
        }
        currentUser.requireDirectorOrSystem(analysis.schoolUai()); // an analysis is only data: who applies it counts
        if (analysis.needsConfirmation() && !preDeletionConfirmed) {
            throw new IllegalArgumentException("an import sending most of a profile to pré-suppression needs an"
                    + " express confirmation");
        }
        RosterChanges changes = directory.apply(analysis.roster(), importedBy, analysis.files());
        journal.recordAs(importedBy, analysis.schoolUai(), AuditAction.IMPORT, changes.count(ChangeKind.CREATE),
                changes.count(ChangeKind.UPDATE), changes.count(ChangeKind.PRE_DELETE),
                changes.count(ChangeKind.RESTORE), String.join(", ", analysis.files()));
        return changes;
    }

    private Optional<ExportContent> read(ExportFile file, List<Finding> findings) {
        try (DecodedExport export = opener.open(file, findings)) {
            String root = XmlScanner.root(export);
            Optional<ExportKind> kind = ExportKind.ofRoot(root);
            if (kind.isEmpty()) {
                findings.add(root.equals("EDT_STS") ? Finding.error("root.emp-sts", file.name(), null)
                        : Finding.error("root.unknown", file.name(), null, root));
                return Optional.empty();
            }
            return Optional.of(ExportContent.read(kind.get(), export));
        } catch (RefusedExport refused) {
            findings.add(refused.finding());
        } catch (IOException e) {
            findings.add(Finding.error("unreadable", file.name(), null));
        }
        return Optional.empty();
    }

    private static boolean hasErrors(List<Finding> findings) {
        return findings.stream().anyMatch(finding -> finding.severity() == Severity.ERROR);
    }

    private static ImportAnalysis refused(String uai, List<String> names, List<Finding> findings) {
        return new ImportAnalysis(uai, names, findings, null, new RosterChanges(List.of()));
    }
}
