package fr.rentree.campaign.service;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import fr.rentree.campaign.domain.Campaign;
import fr.rentree.campaign.domain.CampaignRepository;
import fr.rentree.campaign.domain.CampaignState;
import fr.rentree.campaign.domain.SelectionCriteria;
import fr.rentree.mailing.service.MailService;
import fr.rentree.mailing.service.OutgoingMail;
import fr.rentree.school.domain.School;
import fr.rentree.school.service.SchoolService;
import io.camunda.client.CamundaClient;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** School campaigns: launching their process and recording what the director chose. */
@Service
@Transactional
public class CampaignService {

    static final String PROCESS_ID = "school-campaign";

    private final CampaignRepository campaigns;
    private final SchoolService schools;
    private final MailService mail;
    private final MessageSource messages;
    private final CamundaClient engine;
    private final Clock clock;

    CampaignService(CampaignRepository campaigns, SchoolService schools, MailService mail, MessageSource messages,
            CamundaClient engine, Clock clock) {
        this.campaigns = campaigns;
        this.schools = schools;
        this.mail = mail;
        this.messages = messages;
        this.engine = engine;
        this.clock = clock;
    }

    /**
     * Launches the campaign of a school: stores it, then starts its process. If the engine does not answer, the
     * stored campaign is removed again, so nothing half-made remains.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Campaign launch(String schoolUai, String username) {
        if (campaigns.existsBySchoolUaiAndState(schoolUai, CampaignState.SELECTING)) {
            throw new CampaignException(CampaignException.Reason.ALREADY_RUNNING,
                    "School " + schoolUai + " already has a campaign waiting for its selection", null);
        }
        Campaign campaign = campaigns.save(Campaign.launch(schoolUai, username, clock.instant()));
        long processInstanceKey;
        try {
            processInstanceKey = engine.newCreateInstanceCommand().bpmnProcessId(PROCESS_ID).latestVersion()
                    .variables(Map.of("campaignId", campaign.id(), "schoolUai", schoolUai))
                    .send().join().getProcessInstanceKey();
        } catch (RuntimeException e) {
            campaigns.delete(campaign);
            throw new CampaignException(CampaignException.Reason.ENGINE_UNAVAILABLE,
                    "The engine did not start the campaign of " + schoolUai, e);
        }
        campaign.attachProcess(processInstanceKey);
        return campaigns.save(campaign);
    }

    /**
     * Records the selection and confirms it by e-mail to the school. Done once even if the engine delivers the job
     * twice; the mail goes last so a mail failure rolls the record back and the engine retries both.
     */
    public void recordSelection(long campaignId, SelectionCriteria criteria) {
        Campaign campaign = campaigns.findById(campaignId)
                .orElseThrow(() -> new IllegalArgumentException("No campaign " + campaignId));
        if (!campaign.recordSelection(criteria, clock.instant())) {
            return;
        }
        campaigns.save(campaign);
        Optional<School> school = schools.find(campaign.schoolUai());
        school.filter(s -> s.contactEmail() != null).ifPresent(s -> mail.send(confirmation(s, criteria)));
    }

    @Transactional(readOnly = true)
    public List<Campaign> campaignsOf(Collection<String> schoolUais) {
        return schoolUais.isEmpty() ? List.of() : campaigns.findBySchoolUaiInOrderByCreatedAtDesc(schoolUais);
    }

    @Transactional(readOnly = true)
    public Optional<Campaign> find(long campaignId) {
        return campaigns.findById(campaignId);
    }

    private OutgoingMail confirmation(School school, SelectionCriteria criteria) {
        Locale french = Locale.FRENCH; // schools' mail is in French
        String profiles = criteria.profiles().stream()
                .map(p -> messages.getMessage("profile." + p.name(), null, french))
                .collect(Collectors.joining(", "));
        String activation = messages.getMessage("activation." + criteria.activation().name(), null, french);
        return new OutgoingMail(school.contactEmail(),
                messages.getMessage("mail.selection.subject", new Object[] {school.name()}, french),
                messages.getMessage("mail.selection.body", new Object[] {school.name(), profiles, activation},
                        french));
    }
}
