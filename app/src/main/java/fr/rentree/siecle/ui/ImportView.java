package fr.rentree.siecle.ui;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import com.vaadin.flow.component.AbstractField.ComponentValueChangeEvent;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.spring.security.AuthenticationContext;
import fr.rentree.base.i18n.Institution;
import fr.rentree.base.ui.Confirmation;
import fr.rentree.base.ui.Notifications;
import fr.rentree.base.ui.RefusingUpload;
import fr.rentree.base.ui.UploadTexts;
import fr.rentree.directory.domain.AccountChange;
import fr.rentree.directory.domain.ChangeKind;
import fr.rentree.directory.domain.RosterChanges;
import fr.rentree.school.domain.School;
import fr.rentree.school.service.SchoolService;
import fr.rentree.school.ui.SchoolPicker;
import fr.rentree.security.service.SignedInUser;
import fr.rentree.siecle.domain.ExportFile;
import fr.rentree.siecle.domain.Finding;
import fr.rentree.siecle.domain.ImportAnalysis;
import fr.rentree.siecle.service.ExportUpload;
import fr.rentree.siecle.service.SampleExports;
import fr.rentree.siecle.service.SiecleImportService;
import fr.rentree.siecle.service.UploadRefused;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.beans.factory.ObjectProvider;

/**
 * "Import SIECLE / STS-web": the director uploads the school's exports, reads what is wrong with them and what the
 * import would change, then confirms. Nothing is written before the confirmation.
 */
@Route("import")
@Menu(title = "nav.import", order = 3, icon = "vaadin:upload")
@RolesAllowed("DIRECTOR")
public class ImportView extends VerticalLayout implements HasDynamicTitle {

    private final SiecleImportService imports;
    private final SignedInUser user;
    private final ExportUpload received;
    private final SchoolPicker school;
    private final Upload upload;
    private final Span fileList = new Span();
    private final Paragraph uploadRefused = new Paragraph();
    private final Button analyse = new Button();
    private final Div report = new Div();
    private final Div samples = new Div();
    private ImportAnalysis analysis;
    private boolean putBack;

    /** @param sampleExports files to try the import with (dev's demo schools); no bean in production */
    ImportView(SiecleImportService imports, SchoolService schools, AuthenticationContext authentication,
               ObjectProvider<SampleExports> sampleExports) {
        this.imports = imports;
        this.user = authentication.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        school = new SchoolPicker(getTranslation("import.school"), schools.findAll(user.schoolUais()));
        school.addValueChangeListener(this::schoolChanged);
        sampleExports.ifAvailable(available -> {
            school.addValueChangeListener(e -> showSamples(available));
            showSamples(available);
        });

        received = imports.newUpload();
        // the browser checks the limits first (no useless transfer), the server again (ExportUpload) whatever it sent
        upload = new Upload(new Receiver());
        upload.setAcceptedFileTypes(".xml", ".zip", "application/xml", "text/xml", "application/zip");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, received.maxFileBytes()));
        upload.setMaxFiles(received.maxFiles());
        upload.setI18n(UploadTexts.of(upload));
        upload.addAllFinishedListener(e -> showFiles());
        upload.addFileRejectedListener(e -> Notifications.error(getTranslation("import.rejected", e.getFileName(),
                received.maxFileSize())));
        uploadRefused.setId("import-upload-refused");
        uploadRefused.getStyle().setColor("var(--lumo-error-text-color)");

        analyse.setText(getTranslation("import.analyse"));
        analyse.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        analyse.setDisableOnClick(true);
        analyse.setEnabled(false);
        analyse.addClickListener(e -> analyse());
        Button restart = new Button(getTranslation("import.restart"), e -> clear());

        add(new H2(getTranslation("nav.import")), new Paragraph(getTranslation("import.intro")), school, samples,
                upload, uploadRefused, fileList, new HorizontalLayout(analyse, restart), report);
    }

    /** The chosen school's sample exports, each a link that downloads it, to drop back into the upload below. */
    private void showSamples(SampleExports sampleExports) {
        samples.removeAll();
        List<SampleExports.SampleExport> files = school.getValue() == null ? List.of()
                : sampleExports.of(school.getValue().uai());
        if (files.isEmpty()) {
            return;
        }
        samples.setId("import-samples");
        samples.add(new Span(getTranslation("import.samples") + " "));
        for (SampleExports.SampleExport file : files) {
            Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                    new ByteArrayInputStream(file.content()), file.name(), file.name().endsWith(".zip")
                    ? "application/zip" : "application/xml", file.content().length)), file.name());
            link.getStyle().set("margin-inline-end", "1em");
            samples.add(link);
        }
    }

    /**
     * Receives each uploaded file on a request thread, through {@link ExportUpload}'s limits; a refused file is said
     * on the screen, and answered 413 so that the upload component marks it failed.
     */
    private final class Receiver extends RefusingUpload {

        @Override
        public void handleUploadRequest(UploadEvent event) throws IOException {
            try {
                received.receive(event.getFileName(), event.getInputStream());
            } catch (UploadRefused refusal) {
                refused();
                event.getUI().access(() -> {
                    String text = getTranslation(refusal.messageKey(), refusal.arguments());
                    uploadRefused.setText(text);
                    Notifications.error(text);
                });
            }
        }
    }

    /**
     * Files are uploaded for one school: choosing another drops them, after asking when there are some (they were
     * dropped without a word). Declining puts the first school back.
     */
    private void schoolChanged(ComponentValueChangeEvent<ComboBox<School>, School> changed) {
        List<ExportFile> files = received.files();
        if (putBack) { // the school the files are for, put back by "Garder les fichiers"
            putBack = false;
            return;
        }
        if (!changed.isFromClient() || files.isEmpty()) {
            clear();
            return;
        }
        School before = changed.getOldValue();
        if (before == null) {
            clear();
            return;
        }
        Confirmation.ask(getTranslation("import.change-school.title"), getTranslation("import.change-school.text",
                        files.stream().map(ExportFile::name).collect(Collectors.joining(", ")),
                        new Institution(before.name())), getTranslation("import.change-school.confirm"),
                getTranslation("import.change-school.keep"), true, this::clear, () -> {
                    putBack = true;
                    school.setValue(before);
                });
    }

    private void showFiles() {
        List<ExportFile> files = received.files();
        fileList.setText(files.isEmpty() ? "" : getTranslation("import.files",
                files.stream().map(ExportFile::name).collect(Collectors.joining(", "))));
        analyse.setEnabled(!files.isEmpty() && school.getValue() != null);
    }

    private void analyse() {
        report.removeAll();
        analysis = imports.analyse(school.getValue().uai(), received.files());
        showFindings(analysis.errors(), "import.errors", "import-errors");
        showFindings(analysis.warnings(), "import.warnings", "import-warnings");
        if (analysis.refused()) {
            report.add(paragraph(getTranslation("import.refused"), "import-verdict"));
        } else if (analysis.changes().isEmpty()) {
            report.add(paragraph(getTranslation("import.nothing-to-do"), "import-verdict"));
        } else {
            showChanges(analysis.changes());
        }
        analyse.setEnabled(true);
    }

    private void showFindings(List<Finding> findings, String title, String id) {
        if (findings.isEmpty()) {
            return;
        }
        UnorderedList list = new UnorderedList();
        list.setId(id);
        findings.forEach(finding -> list.add(new ListItem(getTranslation(finding.messageKey(), finding.arguments()))));
        H3 heading = new H3(getTranslation(title, findings.size()));
        if (id.equals("import-errors")) {
            heading.getStyle().setColor("var(--lumo-error-text-color)");
        }
        report.add(heading, list);
    }

    private void showChanges(RosterChanges changes) {
        report.add(new H3(getTranslation("import.preview")));
        HorizontalLayout counts = new HorizontalLayout();
        counts.setId("import-counts");
        TabSheet details = new TabSheet();
        for (ChangeKind kind : ChangeKind.values()) {
            Span count = new Span(getTranslation("import.change.count", getTranslation("import.change." + kind),
                    changes.count(kind)));
            count.getElement().getThemeList().add(kind == ChangeKind.PRE_DELETE ? "badge contrast" : "badge");
            counts.add(count);
            if (changes.count(kind) > 0) {
                details.add(getTranslation("import.change." + kind) + " (" + changes.count(kind) + ")",
                        changeGrid(changes.ofKind(kind)));
            }
        }
        details.setWidthFull();
        Button apply = new Button(getTranslation("import.apply"));
        apply.setId("import-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        apply.setDisableOnClick(true);
        apply.addClickListener(e -> confirm(changes, apply));
        report.add(counts, details, apply);
    }

    private Grid<AccountChange> changeGrid(List<AccountChange> changes) {
        Grid<AccountChange> grid = new Grid<>();
        grid.addColumn(change -> change.entry().lastName()).setHeader(getTranslation("account.last-name"))
                .setSortable(true);
        grid.addColumn(change -> change.entry().firstName()).setHeader(getTranslation("account.first-name"));
        grid.addColumn(change -> getTranslation("profile." + change.entry().profile()))
                .setHeader(getTranslation("account.profile")).setSortable(true);
        grid.addColumn(change -> String.join(", ", change.entry().classes().stream().sorted().toList()))
                .setHeader(getTranslation("account.classes"));
        grid.addColumn(change -> change.login() == null ? "" : change.login())
                .setHeader(getTranslation("account.login"));
        grid.addColumn(change -> change.changedFields().stream().map(field -> getTranslation("import.field." + field))
                .collect(Collectors.joining(", "))).setHeader(getTranslation("import.changed-fields")).setFlexGrow(2);
        grid.setItems(changes);
        grid.setHeight("22em");
        return grid;
    }

    private void confirm(RosterChanges changes, Button apply) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("import.confirm.title"));
        String text = getTranslation("import.confirm.text", school.getValue().name(),
                changes.count(ChangeKind.CREATE), changes.count(ChangeKind.UPDATE),
                changes.count(ChangeKind.PRE_DELETE), changes.count(ChangeKind.RESTORE));
        Div body = new Div(new Paragraph(text));
        for (Finding finding : analysis.warnings()) { // most of a profile to pré-suppression: said where one confirms
            if (finding.key().equals(ImportAnalysis.MASS_PRE_DELETION)) {
                body.add(new Paragraph(getTranslation(finding.messageKey(), finding.arguments())));
            }
        }
        Button confirm = new Button(getTranslation("import.apply"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (analysis.needsConfirmation()) { // a ticked box, not a reflex click on the usual button
            Checkbox sure = new Checkbox(getTranslation("import.confirm.pre-deletion"));
            sure.setId("import-confirm-pre-deletion");
            confirm.setEnabled(false);
            sure.addValueChangeListener(e -> confirm.setEnabled(e.getValue()));
            body.add(sure);
        }
        dialog.setText(body);
        dialog.setConfirmButton(confirm);
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.addCancelListener(e -> apply.setEnabled(true));
        dialog.addConfirmListener(e -> {
            RosterChanges applied = imports.apply(analysis, user.getUsername(), analysis.needsConfirmation());
            String done = getTranslation("import.done", applied.count(ChangeKind.CREATE),
                    applied.count(ChangeKind.UPDATE), applied.count(ChangeKind.PRE_DELETE),
                    applied.count(ChangeKind.RESTORE));
            Notifications.success(done);
            boolean asPreviewed = Arrays.stream(ChangeKind.values())
                    .allMatch(kind -> applied.count(kind) == changes.count(kind));
            clear();
            report.add(paragraph(done, "import-verdict"));
            if (!asPreviewed) { // another import of the school ran between the preview and the confirmation
                report.add(paragraph(getTranslation("import.done.changed"), "import-changed"));
            }
        });
        dialog.open();
    }

    /** Forgets the uploaded files (and deletes them): a new import starts from nothing. */
    private void clear() {
        received.clear();
        uploadRefused.setText("");
        upload.clearFileList();
        analysis = null;
        report.removeAll();
        showFiles();
    }

    private static Paragraph paragraph(String text, String id) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.setId(id);
        return paragraph;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        showFiles();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        clear();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.import") + " · " + getTranslation("app.name");
    }
}
