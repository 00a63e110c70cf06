package fr.rentree.audit.ui;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import fr.rentree.audit.domain.AuditAction;
import fr.rentree.audit.domain.AuditEvent;
import fr.rentree.audit.domain.AuditQuery;
import fr.rentree.audit.service.AuditLog;
import fr.rentree.base.ui.DatePickers;
import fr.rentree.base.ui.MultiSelect;
import fr.rentree.school.service.SchoolService;
import fr.rentree.school.ui.SchoolPicker;
import fr.rentree.security.domain.Role;
import fr.rentree.security.service.SignedInUser;
import jakarta.annotation.security.RolesAllowed;

/**
 * "Journal": who printed, sent or changed what in the director's school, when and from where, newest first; filtered
 * by action, person or text and dates, and exported as CSV for whoever asks the school to account for it. An
 * administrator reads the whole journal, every school's and their own actions, with the school of each line.
 */
@Route("journal")
@Menu(title = "nav.journal", order = 2.7, icon = "vaadin:records")
@RolesAllowed({"DIRECTOR", "ADMIN"})
public class JournalView extends VerticalLayout implements HasDynamicTitle {

    private final AuditLog journal;
    private final ZoneId zone;
    private final SchoolPicker school;
    /** An administrator's: every line, of every school and of none. */
    private final boolean everything;
    private final MultiSelectComboBox<AuditAction> actions = new MultiSelect<>();
    private final TextField text = new TextField();
    private final DatePicker from = DatePickers.localized(new DatePicker());
    private final DatePicker to = DatePickers.localized(new DatePicker());
    private final Span found = new Span();
    private final Grid<AuditEvent> events = new Grid<>();
    private final Anchor export;

    JournalView(AuditLog journal, SchoolService schools, AuthenticationContext authentication, Clock clock) {
        this.journal = journal;
        this.zone = clock.getZone();
        SignedInUser user = authentication.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        everything = user.role() == Role.ADMIN;
        school = new SchoolPicker(getTranslation("import.school"),
                everything ? List.of() : schools.findAll(user.schoolUais()));
        school.setVisible(!everything);
        school.addValueChangeListener(e -> refresh());

        actions.setPlaceholder(getTranslation("journal.action"));
        actions.setAriaLabel(getTranslation("journal.action"));
        actions.setItems(AuditAction.values());
        actions.setItemLabelGenerator(this::label);
        actions.setWidth("20em");
        actions.addValueChangeListener(e -> refresh());
        text.setPlaceholder(getTranslation("journal.search"));
        text.setAriaLabel(getTranslation("journal.search"));
        text.setId("journal-search");
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setWidth("18em");
        text.addValueChangeListener(e -> refresh());
        from.setPlaceholder(getTranslation("journal.from"));
        from.setAriaLabel(getTranslation("journal.from"));
        from.setMax(LocalDate.now(clock));
        from.addValueChangeListener(e -> refresh());
        to.setPlaceholder(getTranslation("journal.to"));
        to.setAriaLabel(getTranslation("journal.to"));
        to.addValueChangeListener(e -> refresh());

        // read now, in the screen's language: the download is served outside the screen's request
        List<String> header = List.of(getTranslation("journal.when"), getTranslation("journal.who"),
                getTranslation("journal.where"), getTranslation("journal.school"), getTranslation("journal.action"),
                getTranslation("journal.what"));
        Locale locale = getLocale();
        Map<AuditAction, String> labels = new EnumMap<>(AuditAction.class);
        Arrays.stream(AuditAction.values()).forEach(action -> labels.put(action, label(action)));
        DownloadHandler csv = event -> {
            AuditQuery query = query();
            event.setFileName("journal-" + (everything ? "rentree" : query.schoolUai()) + "-" + LocalDate.now(clock)
                    + ".csv");
            event.setContentType("text/csv; charset=UTF-8");
            try (Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                journal.exportCsv(query, out, header, labels::get, line -> detail(line, locale), zone);
            }
        };
        Button exportButton = new Button(getTranslation("journal.export"), VaadinIcon.DOWNLOAD.create());
        exportButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        export = new Anchor(csv, AttachmentType.DOWNLOAD, "");
        export.add(exportButton);
        export.setId("journal-export");

        HorizontalLayout filters = new HorizontalLayout(actions, text, from, to, export);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        found.setId("journal-found");
        configureGrid();
        Paragraph intro = new Paragraph(getTranslation("journal.intro"));
        intro.getStyle().set("color", "var(--lumo-secondary-text-color)");
        add(new H2(getTranslation("nav.journal")), intro, school, filters, found, events);
        setSizeFull();
    }

    private void configureGrid() {
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
                .withLocale(getLocale()).withZone(zone);
        events.setId("journal");
        events.addColumn(event -> when.format(event.at())).setHeader(getTranslation("journal.when"))
                .setAutoWidth(true).setFlexGrow(0);
        events.addColumn(event -> event.actor() == null ? getTranslation("journal.rentree") : event.actor())
                .setHeader(getTranslation("journal.who")).setAutoWidth(true).setFlexGrow(0);
        events.addColumn(event -> event.address() == null ? "" : event.address())
                .setHeader(getTranslation("journal.where")).setAutoWidth(true).setFlexGrow(0);
        events.addColumn(event -> event.schoolUai() == null ? "" : event.schoolUai())
                .setHeader(getTranslation("journal.school")).setAutoWidth(true).setFlexGrow(0).setVisible(everything);
        events.addColumn(event -> label(event.action())).setHeader(getTranslation("journal.action"))
                .setAutoWidth(true).setFlexGrow(0);
        events.addColumn(event -> detail(event, getLocale())).setHeader(getTranslation("journal.what"))
                .setFlexGrow(1);
        events.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT); // a long list of files wraps, in sight
        events.setItems(new CallbackDataProvider<AuditEvent, Void>(
                query -> !chosen() ? Stream.empty()
                        : journal.events(query(), query.getOffset(), query.getLimit()).stream(),
                query -> {
                    int count = !chosen() ? 0 : journal.count(query());
                    found.setText(count == 0 ? getTranslation("journal.none")
                            : getTranslation("journal.count", count));
                    return count;
                }));
        events.setWidthFull();
        events.setHeight("36em");
    }

    private void refresh() {
        export.setEnabled(chosen());
        events.getDataProvider().refreshAll();
    }

    private boolean chosen() {
        return everything || school.getValue() != null;
    }

    private AuditQuery query() {
        return new AuditQuery(everything || school.getValue() == null ? null : school.getValue().uai(),
                actions.getValue(), text.getValue(), from.getValue(), to.getValue());
    }

    /** The line's details as a sentence of the reader's language: "3 comptes créés, 0 mis à jour…". */
    private String detail(AuditEvent event, Locale locale) {
        return getTranslation(locale, "journal.detail." + event.action(), event.details());
    }

    private String label(AuditAction action) {
        return getTranslation("journal.action." + action);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.journal") + " · " + getTranslation("app.name");
    }
}
