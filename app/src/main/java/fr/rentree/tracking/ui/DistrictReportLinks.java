package fr.rentree.tracking.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;
import java.util.function.LongFunction;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import fr.rentree.tracking.service.DistrictReportService;

/**
 * The district campaign's final report on its page, once written: when, and its PDF and CSV to download (each
 * download asks the service again, which checks who asks).
 */
class DistrictReportLinks extends HorizontalLayout {

    private final DistrictReportService reports;
    private final Span written = new Span();
    private final DateTimeFormatter dates;
    private long campaignId;

    DistrictReportLinks(DistrictReportService reports) {
        this.reports = reports;
        setId("district-report");
        setAlignItems(FlexComponent.Alignment.BASELINE);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        Span title = new Span(getTranslation("district-report.title"));
        title.getStyle().set("font-weight", "600");
        add(title, written, link("pdf", "application/pdf", reports::pdf, VaadinIcon.FILE_TEXT_O),
                link("csv", "text/csv; charset=UTF-8", reports::csv, VaadinIcon.TABLE));
        this.dates = dates;
        setVisible(false);
    }

    /** Shows the campaign's report when it has one. */
    void show(long campaignId) {
        this.campaignId = campaignId;
        Optional<Instant> writtenAt = reports.writtenAt(campaignId);
        writtenAt.ifPresent(at -> written.setText(getTranslation("district-report.written", dates.format(at))));
        setVisible(writtenAt.isPresent());
    }

    private Anchor link(String kind, String contentType, LongFunction<Optional<byte[]>> file, VaadinIcon icon) {
        DownloadHandler download = event -> {
            byte[] bytes = file.apply(campaignId).orElseThrow();
            event.setFileName("rentree-rapport-final-" + campaignId + "." + kind);
            event.setContentType(contentType);
            event.getOutputStream().write(bytes);
        };
        Button button = new Button(getTranslation("district-report." + kind), icon.create());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Anchor anchor = new Anchor(download, AttachmentType.DOWNLOAD, "");
        anchor.add(button);
        anchor.setId("district-report-" + kind);
        return anchor;
    }
}
