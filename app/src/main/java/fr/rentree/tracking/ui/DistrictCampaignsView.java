package fr.rentree.tracking.ui;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import fr.rentree.base.ui.AutoRefresh;
import fr.rentree.base.ui.Notifications;
import fr.rentree.campaign.domain.DistrictCampaign;
import fr.rentree.campaign.service.CampaignSettings;
import fr.rentree.campaign.service.DistrictCampaignService;
import fr.rentree.campaign.service.DistrictCampaigns;
import fr.rentree.campaign.ui.CampaignView;
import fr.rentree.security.domain.Role;
import fr.rentree.security.service.CurrentUser;
import jakarta.annotation.security.RolesAllowed;

/**
 * "Campagnes de la circonscription": the district campaigns of the staff's districts (every one, for administrators),
 * each opening its page; district staff launch one here.
 */
@Route("circonscription/campagnes")
@Menu(title = "nav.district-campaigns", order = 1, icon = "vaadin:flag")
@RolesAllowed({"DISTRICT_STAFF", "ADMIN"})
public class DistrictCampaignsView extends VerticalLayout implements HasDynamicTitle {

    private final DistrictCampaigns districtCampaigns;
    private final Grid<DistrictCampaign> grid = new Grid<>();

    DistrictCampaignsView(DistrictCampaigns districtCampaigns, DistrictCampaignService launcher, CurrentUser currentUser,
            CampaignSettings settings, Clock clock) {
        this.districtCampaigns = districtCampaigns;
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZoneId.systemDefault());
        DateTimeFormatter days = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(getLocale());

        grid.addComponentColumn(c -> new RouterLink(c.name(), DistrictDashboardView.class, c.id()))
                .setHeader(getTranslation("campaigns.column.name")).setFlexGrow(2);
        grid.addColumn(DistrictCampaign::district).setHeader(getTranslation("district-campaigns.district"))
                .setFlexGrow(2);
        grid.addColumn(c -> getTranslation("district-campaign.state." + c.state().name()))
                .setHeader(getTranslation("district-campaigns.column.state")).setFlexGrow(1);
        grid.addColumn(c -> getTranslation("campaigns.target.value", c.targetPercent(), days.format(c.deadline())))
                .setHeader(getTranslation("campaigns.column.target")).setFlexGrow(1);
        grid.addColumn(c -> dates.format(c.createdAt())).setHeader(getTranslation("campaigns.column.created"))
                .setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setId("district-campaigns");

        add(new H2(getTranslation("nav.district-campaigns")),
                new Paragraph(getTranslation("district-campaigns.intro")));
        if (currentUser.require().role() == Role.DISTRICT_STAFF) {
            Button launch = new Button(getTranslation("district-campaigns.launch"), e ->
                    new LaunchDistrictCampaignDialog(districtCampaigns, launcher, settings, clock, campaign -> {
                        Notifications.success(getTranslation("district-campaigns.launched", campaign.name()));
                        getUI().ifPresent(ui -> ui.navigate(DistrictDashboardView.class, campaign.id()));
                    }).open());
            launch.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            launch.setId("district-campaign-new");
            add(launch);
        }
        add(grid);
        refresh();
        AutoRefresh.every(this, CampaignView.REFRESH_MILLIS, this::refresh);
    }

    private void refresh() {
        grid.setItems(districtCampaigns.mine());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.district-campaigns") + " · " + getTranslation("app.name");
    }
}
