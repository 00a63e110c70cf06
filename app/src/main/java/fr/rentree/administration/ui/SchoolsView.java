package fr.rentree.administration.ui;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadEvent;
import fr.rentree.base.ui.Confirmation;
import fr.rentree.base.ui.Notifications;
import fr.rentree.base.ui.RefusingUpload;
import fr.rentree.base.ui.UploadTexts;
import fr.rentree.school.domain.DirectoryFile;
import fr.rentree.school.domain.DirectoryPreview;
import fr.rentree.school.domain.School;
import fr.rentree.school.service.DirectoryRefused;
import fr.rentree.school.service.SchoolDirectoryImport;
import fr.rentree.school.service.SchoolInUse;
import fr.rentree.school.service.SchoolService;
import jakarta.annotation.security.RolesAllowed;

/**
 * "Établissements" (administrators): the schools Rentrée serves, searched by UAI, name, commune or district, each
 * with a link to its settings; schools imported from an export of the "Annuaire de l'éducation" with a preview of
 * what changes, confirmed before anything is written; or one school created by hand.
 */
@Route("admin/etablissements")
@Menu(title = "nav.admin.schools", order = 10, icon = "vaadin:building")
@RolesAllowed("ADMIN")
public class SchoolsView extends VerticalLayout implements HasDynamicTitle {

    private final SchoolService schools;
    private final SchoolDirectoryImport directory;
    private final Grid<School> list = new Grid<>();
    private final TextField search = new TextField();
    private final Div report = new Div();
    private final Upload upload;
    /** The schools as last read: the search filters them as typed, without reading them again. */
    private List<School> all = List.of();

    SchoolsView(SchoolService schools, SchoolDirectoryImport directory) {
        this.schools = schools;
        this.directory = directory;
        upload = new Upload(new Receiver());
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) SchoolDirectoryImport.MAX_FILE_BYTES); // the browser's check; the server's below
        upload.setI18n(UploadTexts.of(upload));
        upload.setId("directory-upload");
        upload.addFileRejectedListener(e -> Notifications.error(getTranslation("schools.import.rejected")));
        report.setId("directory-report");

        Button create = new Button(getTranslation("schools.new"), VaadinIcon.PLUS.create(),
                e -> new NewSchoolDialog(schools, created -> reload()).open());
        create.setId("school-new");
        search.setPlaceholder(getTranslation("schools.search"));
        search.setAriaLabel(getTranslation("schools.search"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("22em");
        search.addValueChangeListener(e -> refresh());
        configureList();

        Paragraph intro = new Paragraph(getTranslation("schools.import.intro"));
        intro.getStyle().set("color", "var(--lumo-secondary-text-color)");
        HorizontalLayout tools = new HorizontalLayout(search, create);
        tools.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2(getTranslation("nav.admin.schools")), new H3(getTranslation("schools.import.title")), intro,
                upload, report, new H3(getTranslation("schools.list")), tools, list);
        reload();
    }

    private void configureList() {
        list.setId("schools");
        list.addColumn(School::uai).setHeader(getTranslation("schools.uai")).setAutoWidth(true).setFlexGrow(0);
        // names, communes and districts wrap in columns that share the width: as wide as their longest, they
        // pushed Commune and the rest out of sight at 1366 px
        list.addColumn(School::name).setHeader(getTranslation("schools.name")).setWidth("12em").setFlexGrow(3);
        list.addColumn(school -> getTranslation("school.kind." + school.kind()))
                .setHeader(getTranslation("schools.kind")).setAutoWidth(true).setFlexGrow(0);
        list.addColumn(school -> school.commune() == null ? "" : school.commune())
                .setHeader(getTranslation("schools.commune")).setWidth("8em").setFlexGrow(1);
        list.addColumn(school -> school.district() == null ? "" : school.district())
                .setHeader(getTranslation("schools.district")).setWidth("9em").setFlexGrow(1);
        list.addColumn(school -> school.contactEmail() == null ? "" : school.contactEmail())
                .setHeader(getTranslation("schools.email")).setWidth("11em").setFlexGrow(2);
        list.addComponentColumn(school -> {
            Button remove = new Button(getTranslation("schools.remove"), e -> confirmRemove(school));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            HorizontalLayout actions = new HorizontalLayout(new Anchor("parametres?uai=" + school.uai(),
                    getTranslation("schools.settings")), remove);
            actions.setAlignItems(FlexComponent.Alignment.BASELINE);
            return actions;
        }).setAutoWidth(true).setFlexGrow(0);
        list.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        list.setHeight("32em");
        list.setWidthFull();
    }

    private void reload() {
        all = schools.all();
        refresh();
    }

    private void refresh() {
        String words = search.getValue().strip().toLowerCase(getLocale());
        list.setItems(all.stream().filter(school -> words.isEmpty() || (school.uai() + " " + school.name()
                + " " + school.commune() + " " + school.district()).toLowerCase(getLocale()).contains(words))
                .toList());
    }

    /**
     * Reads each upload as it arrives, on the request's thread, within the service's size limit (a client that skips
     * the browser's check is stopped there too); a refused file is said on the screen and answered 413, so that the
     * upload component marks it failed.
     */
    private final class Receiver extends RefusingUpload {

        @Override
        public void handleUploadRequest(UploadEvent event) throws IOException {
            try {
                DirectoryFile file = directory.receive(event.getFileName(), event.getInputStream());
                event.getUI().access(() -> show(file));
            } catch (DirectoryRefused refusal) {
                if (refusal.messageKey().equals("schools.import.error.too-large")) {
                    refused();
                }
                event.getUI().access(() -> showRefusal(refusal));
            }
        }
    }

    private void showRefusal(DirectoryRefused refused) {
        report.removeAll();
        upload.clearFileList();
        Paragraph error = new Paragraph(getTranslation(refused.messageKey(), refused.arguments().toArray()));
        error.setId("directory-refused");
        error.getStyle().setColor("var(--lumo-error-text-color)");
        report.add(error);
    }

    /** Shows what importing the file read would do; nothing is written yet. */
    private void show(DirectoryFile file) {
        report.removeAll();
        upload.clearFileList();
        DirectoryPreview preview = directory.preview(file);
        Paragraph summary = new Paragraph(getTranslation("schools.import.preview", file.fileName(),
                preview.created().size(), preview.updated().size(), preview.unchanged()));
        summary.setId("directory-preview");
        report.add(summary);
        if (file.windows1252()) {
            report.add(new Paragraph(getTranslation("schools.import.windows-1252")));
        }
        if (!file.ignored().isEmpty()) {
            report.add(new Paragraph(getTranslation("schools.import.ignored", file.ignored().entrySet().stream()
                    .map(type -> type.getKey() + " (" + type.getValue() + ")").collect(Collectors.joining(", ")))));
        }
        if (!file.problems().isEmpty()) {
            UnorderedList problems = new UnorderedList();
            problems.setId("directory-problems");
            file.problems().forEach(problem -> problems.add(new ListItem(getTranslation("schools.import.line",
                    problem.line(), getTranslation(problem.messageKey(), problem.arguments().toArray())))));
            report.add(new Paragraph(getTranslation("schools.import.problems", file.problems().size())), problems);
        }
        if (preview.changesNothing()) {
            report.add(new Paragraph(getTranslation("schools.import.nothing")));
            return;
        }
        Grid<School> changes = new Grid<>();
        changes.setId("directory-changes");
        Map<String, Boolean> isNew = preview.created().stream().collect(Collectors.toMap(School::uai, s -> true));
        changes.addColumn(school -> getTranslation(isNew.containsKey(school.uai()) ? "schools.import.create"
                : "schools.import.update")).setAutoWidth(true).setFlexGrow(0);
        changes.addColumn(School::uai).setHeader(getTranslation("schools.uai")).setAutoWidth(true).setFlexGrow(0);
        changes.addColumn(School::name).setHeader(getTranslation("schools.name")).setAutoWidth(true);
        changes.addColumn(school -> getTranslation("school.kind." + school.kind()))
                .setHeader(getTranslation("schools.kind")).setAutoWidth(true).setFlexGrow(0);
        changes.addColumn(school -> school.commune() == null ? "" : school.commune())
                .setHeader(getTranslation("schools.commune")).setAutoWidth(true);
        changes.addColumn(school -> school.district() == null ? "" : school.district())
                .setHeader(getTranslation("schools.district")).setAutoWidth(true);
        changes.setItems(Stream.concat(preview.created().stream(), preview.updated().stream())
                .toList());
        changes.addThemeVariants(GridVariant.LUMO_COMPACT);
        changes.setHeight("16em");
        Button apply = new Button(getTranslation("schools.import.apply"), e -> confirm(file, preview));
        apply.setId("directory-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        report.add(changes, apply);
    }

    private void confirm(DirectoryFile file, DirectoryPreview preview) {
        Confirmation.ask(getTranslation("schools.import.confirm.title"),
                getTranslation("schools.import.confirm", preview.created().size(), preview.updated().size()),
                getTranslation("schools.import.apply"), getTranslation("action.cancel"), false, () -> apply(file));
    }

    private void apply(DirectoryFile file) {
        DirectoryPreview done = directory.apply(file);
        report.removeAll();
        Paragraph result = new Paragraph(getTranslation("schools.import.done", done.created().size(),
                done.updated().size(), done.unchanged()));
        result.setId("directory-done");
        report.add(result);
        Notifications.success(result.getText());
        reload();
    }

    private void confirmRemove(School school) {
        Confirmation.ask(getTranslation("schools.remove.title", school.name()),
                getTranslation("schools.remove.text", school.name(), school.uai()), getTranslation("schools.remove"),
                getTranslation("action.cancel"), true, () -> remove(school));
    }

    private void remove(School school) {
        try {
            schools.remove(school.uai());
            Notifications.success(getTranslation("schools.remove.done", school.name()));
        } catch (SchoolInUse refused) {
            Notifications.error(getTranslation(refused.messageKey()));
        }
        reload();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.admin.schools") + " · " + getTranslation("app.name");
    }
}
