package fr.rentree.campaign.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import fr.rentree.base.ui.Notifications;
import fr.rentree.campaign.domain.Campaign;
import fr.rentree.campaign.service.CampaignException;
import fr.rentree.campaign.service.CampaignService;
import fr.rentree.school.domain.School;
import fr.rentree.school.service.SchoolService;
import fr.rentree.school.ui.SchoolPicker;
import fr.rentree.security.service.SignedInUser;
import jakarta.annotation.security.RolesAllowed;

/** "Campagnes": the campaigns of the director's schools, and launching a new one. */
@Route("campagnes")
@Menu(title = "nav.campaigns", order = 1, icon = "vaadin:envelopes")
@RolesAllowed("DIRECTOR")
public class CampaignsView extends VerticalLayout implements HasDynamicTitle {

    private final CampaignService campaigns;
    private final SignedInUser user;
    private final Grid<Campaign> grid = new Grid<>();

    CampaignsView(CampaignService campaigns, SchoolService schools, AuthenticationContext authentication) {
        this.campaigns = campaigns;
        this.user = authentication.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        List<School> mySchools = schools.findAll(user.schoolUais());
        Map<String, String> names = mySchools.stream().collect(Collectors.toMap(School::uai, School::name));
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZoneId.systemDefault());

        SchoolPicker school = new SchoolPicker(getTranslation("campaigns.school"), mySchools);
        Button launch = new Button(getTranslation("campaigns.launch"));
        launch.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        launch.setDisableOnClick(true);
        launch.addClickListener(e -> {
            try {
                if (school.getValue() != null) {
                    campaigns.launch(school.getValue().uai(), user.getUsername());
                    Notifications.success(getTranslation("campaigns.launched", school.getValue().name()));
                }
            } catch (CampaignException ex) {
                Notifications.error(getTranslation("campaign.error." + ex.reason().name()));
            } finally {
                launch.setEnabled(true);
                refresh();
            }
        });
        HorizontalLayout toolbar = new HorizontalLayout(school, launch);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.addColumn(c -> names.getOrDefault(c.schoolUai(), c.schoolUai()))
                .setHeader(getTranslation("campaigns.column.school")).setFlexGrow(2);
        grid.addColumn(c -> getTranslation("campaign.state." + c.state().name()))
                .setHeader(getTranslation("campaigns.column.state")).setFlexGrow(2);
        grid.addColumn(c -> c.selection().map(s -> s.profiles().stream()
                        .map(p -> getTranslation("profile." + p.name())).collect(Collectors.joining(", ")))
                .orElse("")).setHeader(getTranslation("campaigns.column.selection")).setFlexGrow(3);
        grid.addColumn(c -> dates.format(c.createdAt())).setHeader(getTranslation("campaigns.column.created"));
        grid.addColumn(Campaign::createdBy).setHeader(getTranslation("campaigns.column.by"));
        grid.setAllRowsVisible(true);

        add(new H2(getTranslation("nav.campaigns")), toolbar, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(campaigns.campaignsOf(user.schoolUais()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.campaigns") + " · " + getTranslation("app.name");
    }
}
