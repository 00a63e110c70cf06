package fr.rentree.tracking.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import fr.rentree.campaign.domain.DistrictCampaign;
import fr.rentree.campaign.service.DistrictCampaigns;
import jakarta.annotation.security.RolesAllowed;

/**
 * Where district staff start their day: the dashboard of their newest district campaign under way, or, when none
 * runs, the list of their campaigns, where they launch one.
 */
@Route("circonscription/accueil")
@RolesAllowed("DISTRICT_STAFF")
public class DistrictHome extends Div implements BeforeEnterObserver {

    private final DistrictCampaigns districtCampaigns;

    DistrictHome(DistrictCampaigns districtCampaigns) {
        this.districtCampaigns = districtCampaigns;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        districtCampaigns.mine().stream().filter(campaign -> campaign.state().isOpen()).findFirst()
                .map(DistrictCampaign::id)
                .ifPresentOrElse(id -> event.forwardTo(DistrictDashboardView.class, id),
                        () -> event.forwardTo(DistrictCampaignsView.class));
    }
}
