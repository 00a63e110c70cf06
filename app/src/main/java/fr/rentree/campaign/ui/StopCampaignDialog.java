package fr.rentree.campaign.ui;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import fr.rentree.base.ui.Notifications;
import fr.rentree.campaign.service.CampaignService;

/** "Arrêter la campagne ?": what stopping means, then the stop; a refusal (already ended) is said by the notifier. */
class StopCampaignDialog extends ConfirmDialog {

    StopCampaignDialog(CampaignService campaigns, long campaignId, Runnable afterwards) {
        setHeader(getTranslation("campaigns.cancel.title"));
        setText(getTranslation("campaigns.cancel.text"));
        setCancelable(true);
        setCancelText(getTranslation("campaigns.cancel.keep"));
        setConfirmText(getTranslation("campaigns.cancel.confirm"));
        setConfirmButtonTheme("error primary");
        addConfirmListener(e -> {
            campaigns.cancel(campaignId);
            Notifications.success(getTranslation("campaigns.cancelled"));
            afterwards.run();
        });
    }
}
