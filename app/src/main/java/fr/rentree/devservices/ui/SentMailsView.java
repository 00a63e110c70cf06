package fr.rentree.devservices.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.rentree.base.ui.GridHeight;
import fr.rentree.devservices.SentMail;
import fr.rentree.devservices.SentMails;
import jakarta.annotation.security.RolesAllowed;

/**
 * "Courriels envoyés" (dev only): what the application sent to the dev SMTP catcher for the director's schools,
 * newest first; click a row to read the message. Registered only when the catcher runs (see {@link DevRoutes});
 * district staff have no such page (the service would give them nothing anyway).
 */
@Route(value = "dev/courriels", registerAtStartup = false)
@Menu(title = "nav.sent-mails", order = 99, icon = "vaadin:envelope-open")
@RolesAllowed({"DIRECTOR", "ADMIN"})
public class SentMailsView extends VerticalLayout implements HasDynamicTitle {

    SentMailsView(SentMails mailbox) {
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale()).withZone(ZoneId.systemDefault());
        Grid<SentMail> grid = new Grid<>();
        grid.addColumn(mail -> time.format(mail.receivedAt())).setHeader(getTranslation("mails.column.time"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(SentMail::from).setHeader(getTranslation("mails.column.from")).setFlexGrow(1);
        grid.addColumn(SentMail::to).setHeader(getTranslation("mails.column.to")).setFlexGrow(1);
        grid.addColumn(SentMail::subject).setHeader(getTranslation("mails.column.subject")).setFlexGrow(2);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(
                mail -> {
                    Pre body = new Pre(mail.body());
                    body.getStyle().set("white-space", "pre-wrap"); // long lines of a mail wrap as a mail reader would
                    return body;
                }));
        show(grid, mailbox);
        Button refresh = new Button(getTranslation("tasks.refresh"), e -> show(grid, mailbox));
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(new H2(getTranslation("nav.sent-mails")), new Paragraph(getTranslation("mails.intro")), refresh, grid);
    }

    private static void show(Grid<SentMail> grid, SentMails mailbox) {
        List<SentMail> mails = mailbox.mine();
        grid.setItems(mails);
        GridHeight.fit(grid, mails.size());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.sent-mails") + " · " + getTranslation("app.name");
    }
}
