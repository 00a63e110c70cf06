package fr.rentree.campaign.service;

import java.util.Optional;

import fr.rentree.campaign.domain.Campaign;
import fr.rentree.campaign.domain.CampaignRepository;
import fr.rentree.process.domain.WaitingTask;
import fr.rentree.process.service.InboxService;
import fr.rentree.security.service.CurrentUser;
import org.springframework.stereotype.Component;

/** The campaign a director's task belongs to, once the inbox and the school's directors agree it is theirs. */
@Component
class CampaignTasks {

    private final CampaignRepository campaigns;
    private final InboxService inbox;
    private final CurrentUser currentUser;

    CampaignTasks(CampaignRepository campaigns, InboxService inbox, CurrentUser currentUser) {
        this.campaigns = campaigns;
        this.inbox = inbox;
        this.currentUser = currentUser;
    }

    Campaign of(String taskId) {
        WaitingTask task = inbox.task(taskId);
        Campaign campaign = Optional.ofNullable(task.businessKey()).map(Long::parseLong).flatMap(campaigns::findById)
                .filter(c -> c.schoolUai().equals(task.schoolUai()))
                .orElseThrow(() -> new IllegalStateException("Task " + task.id() + " is not a campaign's"));
        currentUser.requireDirectorOf(campaign.schoolUai());
        return campaign;
    }

    Campaign byId(long campaignId) {
        return campaigns.findById(campaignId)
                .orElseThrow(() -> new CampaignException(CampaignException.Reason.UNKNOWN, "No campaign " + campaignId));
    }
}
