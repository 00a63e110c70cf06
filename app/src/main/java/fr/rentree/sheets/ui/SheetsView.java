package fr.rentree.sheets.ui;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.spring.security.AuthenticationContext;
import fr.rentree.base.ui.Notifications;
import fr.rentree.directory.domain.ClassOrder;
import fr.rentree.directory.domain.DistributionOrder;
import fr.rentree.directory.domain.ParentPlacement;
import fr.rentree.directory.domain.RecipientQuery;
import fr.rentree.directory.domain.RecipientSelection;
import fr.rentree.directory.service.RecipientService;
import fr.rentree.directory.ui.SelectionFilters;
import fr.rentree.reports.SheetLayout;
import fr.rentree.school.domain.School;
import fr.rentree.school.service.SchoolService;
import fr.rentree.school.ui.SchoolPicker;
import fr.rentree.security.service.SignedInUser;
import fr.rentree.sheets.domain.SheetRequest;
import fr.rentree.sheets.service.SheetService;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

/**
 * "Fiches de connexion": the PDF side of the publipostage (seeds 001 and 002). The director filters the accounts,
 * chooses the order and the layout, looks at the first pages, then generates the PDF in the background and
 * downloads it. Changing the selection or leaving the screen discards the PDF, and any print still running.
 */
@Route("fiches")
@Menu(title = "nav.sheets", order = 3, icon = "vaadin:print")
@RolesAllowed("DIRECTOR")
public class SheetsView extends VerticalLayout implements HasDynamicTitle {

    private final SheetService sheets;
    private final RecipientService recipients;
    private final SignedInUser user;
    private final SchoolPicker school;
    private final SelectionFilters filters = new SelectionFilters();
    private final RadioButtonGroup<DistributionOrder> order = new RadioButtonGroup<>();
    private final RadioButtonGroup<ParentPlacement> parents = new RadioButtonGroup<>();
    private final RadioButtonGroup<SheetLayout> layout = new RadioButtonGroup<>();
    private final Span count = new Span();
    private final Button preview = new Button();
    private final Button generate = new Button();
    private final ProgressBar progress = new ProgressBar();
    private final Span progressText = new Span();
    private final Div result = new Div();
    private final Div page = new Div();
    private @Nullable Path pdf;
    /** Counts the prints started: a print that ends after the selection changed is discarded. */
    private int prints;

    SheetsView(SheetService sheets, RecipientService recipients, SchoolService schools,
            AuthenticationContext authentication) {
        this.sheets = sheets;
        this.recipients = recipients;
        user = authentication.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        school = new SchoolPicker(getTranslation("import.school"), schools.findAll(user.schoolUais()));
        school.addValueChangeListener(e -> schoolChanged());

        order.setLabel(getTranslation("sheets.order"));
        order.setItems(DistributionOrder.values());
        order.setItemLabelGenerator(o -> getTranslation("sheets.order." + o));
        order.setValue(DistributionOrder.BY_CLASS);
        parents.setLabel(getTranslation("sheets.parents"));
        parents.setItems(ParentPlacement.values());
        parents.setItemLabelGenerator(p -> getTranslation("sheets.parents." + p));
        parents.setValue(ParentPlacement.WITH_YOUNGEST_CHILD);
        layout.setLabel(getTranslation("sheets.layout"));
        layout.setItems(SheetLayout.values());
        layout.setItemLabelGenerator(l -> getTranslation("sheets.layout." + l));
        layout.setValue(SheetLayout.ONE_PER_PAGE);
        filters.addChangeListener(this::selectionChanged);
        order.addValueChangeListener(e -> selectionChanged());
        parents.addValueChangeListener(e -> selectionChanged());
        layout.addValueChangeListener(e -> selectionChanged());

        count.setId("sheet-count");
        preview.setText(getTranslation("sheets.preview"));
        preview.setId("sheet-preview");
        preview.addClickListener(e -> showPreview());
        generate.setText(getTranslation("sheets.generate"));
        generate.setId("sheet-generate");
        generate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        generate.setDisableOnClick(true); // one print, however many clicks
        generate.addClickListener(e -> print());
        progress.setVisible(false);
        progressText.setId("sheet-progress");
        result.setId("sheet-result");
        page.setId("sheet-page");
        page.getStyle().set("flex", "1").set("min-width", "20em");

        VerticalLayout form = new VerticalLayout(school, filters, order,
                parents, layout, count, new HorizontalLayout(preview, generate), progress, progressText, result);
        form.setPadding(false);
        form.setWidth("34em");
        HorizontalLayout body = new HorizontalLayout(form, page);
        body.setWidthFull();
        add(new H2(getTranslation("nav.sheets")), new Paragraph(getTranslation("sheets.intro")), body);
        schoolChanged();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.sheets");
    }

    @Override
    protected void onDetach(DetachEvent event) {
        discardPdf();
        event.getUI().setPollInterval(-1);
        super.onDetach(event);
    }

    private void schoolChanged() {
        School current = school.getValue();
        filters.setClasses(current == null ? List.of() : recipients.classes(current.uai()));
        selectionChanged();
    }

    private void selectionChanged() {
        parents.setVisible(order.getValue() == DistributionOrder.BY_CLASS);
        page.removeAll();
        discardPdf();
        RecipientQuery query = query();
        int sheetCount = query == null ? 0 : sheets.count(query);
        count.setText(sheetCount == 0 ? getTranslation("sheets.none") : getTranslation("sheets.count", sheetCount));
        preview.setEnabled(sheetCount > 0);
        generate.setEnabled(sheetCount > 0);
    }

    private @Nullable RecipientQuery query() {
        School current = school.getValue();
        if (current == null) {
            return null;
        }
        return new RecipientQuery(filters.value(current.uai()), order.getValue(), parents.getValue());
    }

    private @Nullable SheetRequest request() {
        RecipientQuery query = query();
        return query == null ? null : new SheetRequest(query, layout.getValue());
    }

    private void showPreview() {
        SheetRequest request = request();
        if (request == null) {
            return;
        }
        page.removeAll();
        List<byte[]> pages = sheets.previewPages(request, getLocale());
        for (int number = 1; number <= pages.size(); number++) {
            byte[] png = pages.get(number - 1);
            Image image = new Image(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                    new ByteArrayInputStream(png), "page.png", "image/png", png.length)),
                    getTranslation("sheets.preview.alt", number));
            image.setId("sheet-preview-" + number);
            image.setWidthFull();
            image.getStyle().set("max-width", "40em").set("margin-bottom", "1em").set("user-select", "none")
                    .set("box-shadow", "0 0 0.5em rgba(0, 0, 0, 0.3)");
            page.add(image);
        }
    }

    private void print() {
        SheetRequest request = request();
        if (request == null) {
            return;
        }
        discardPdf();
        int print = prints;
        int total = sheets.count(request.recipients());
        UI ui = UI.getCurrent();
        progress.setValue(0);
        progress.setVisible(true);
        progressText.setText(getTranslation("sheets.progress", 0, total));
        ui.setPollInterval(500); // the progress reaches the browser at each poll
        sheets.printLater(request, getLocale(), done -> {
            if (done % 100 == 0 || done == total) {
                ui.access(() -> {
                    if (print == prints) {
                        progress.setValue((double) done / total);
                        progressText.setText(getTranslation("sheets.progress", done, total));
                    }
                });
            }
        }, user.getUsername()).whenComplete((printed, failure) -> {
            try {
                ui.access(() -> printed(print, printed, failure));
            } catch (UIDetachedException e) {
                if (printed != null) {
                    sheets.discard(printed.file()); // nobody is left to download it
                }
            }
        });
    }

    private void printed(int print, SheetService.@Nullable PrintedSheets printed, @Nullable Throwable failure) {
        if (print != prints) { // the selection changed meanwhile: this PDF is not what the screen shows
            if (printed != null) {
                sheets.discard(printed.file());
            }
            return;
        }
        progress.setVisible(false);
        generate.setEnabled(true);
        if (printed == null) {
            UI.getCurrent().setPollInterval(-1);
            progressText.setText("");
            Notifications.error(getTranslation("sheets.failed"));
        } else {
            pdf = printed.file();
            showDownload(printed.file(), printed.sheets());
        }
    }

    /**
     * The download link of the PDF. The PDF holds codes: once downloaded it is deleted, and the screen says so at
     * its next poll (it polls until then).
     */
    private void showDownload(Path file, int printed) {
        progressText.setText(getTranslation("sheets.ready", printed));
        Anchor download = new Anchor(DownloadHandler.forFile(file.toFile(), fileName())
                .whenComplete(success -> {
                    if (success && file.equals(pdf)) {
                        downloaded();
                    }
                }), getTranslation("sheets.download"));
        download.setId("sheet-download");
        result.add(download);
        UI.getCurrent().setPollInterval(1000);
    }

    private void downloaded() {
        discardPdf();
        UI.getCurrent().setPollInterval(-1);
        progressText.setText(getTranslation("sheets.downloaded"));
    }

    /** The PDF's name says what it holds: {@code fiches-0936219E-CE1-A-8-comptes-par-page.pdf}. */
    private String fileName() {
        RecipientSelection selection = filters.value(school.getValue().uai());
        List<String> what = selection.classes().isEmpty()
                ? selection.profiles().stream().sorted().map(p -> getTranslation("sheets.pile.PROFILE." + p)).toList()
                : selection.classes().stream().sorted(ClassOrder.INSTANCE).toList();
        return SheetFileName.of(selection.schoolUai(), what, getTranslation("sheets.layout." + layout.getValue()));
    }

    /** Forgets the PDF shown and any print still running. */
    private void discardPdf() {
        prints++;
        if (pdf != null) {
            sheets.discard(pdf);
            pdf = null;
        }
        result.removeAll();
        progress.setVisible(false);
        progressText.setText("");
    }
}
