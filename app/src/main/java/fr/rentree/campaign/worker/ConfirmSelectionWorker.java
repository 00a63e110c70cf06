package fr.rentree.campaign.worker;

import java.util.List;

import fr.rentree.campaign.domain.SelectionCriteria;
import fr.rentree.campaign.service.CampaignService;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/**
 * Serves the BPMN task "Confirmer la sélection à la direction" ({@code confirm-selection}). Public because the
 * Camunda starter calls workers by reflection.
 */
@Component
public class ConfirmSelectionWorker {

    private final CampaignService campaigns;

    ConfirmSelectionWorker(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @JobWorker(type = "confirm-selection")
    public void confirm(@Variable("campaignId") long campaignId, @Variable("profiles") List<String> profiles,
            @Variable("activation") String activation) {
        campaigns.recordSelection(campaignId, SelectionCriteria.fromVariables(profiles, activation));
    }
}
