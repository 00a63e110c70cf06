package fr.rentree.campaign.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import fr.rentree.campaign.domain.Campaign;
import fr.rentree.campaign.domain.CampaignRepository;
import fr.rentree.campaign.domain.DistrictCampaign;
import fr.rentree.campaign.domain.DistrictSchool;
import fr.rentree.campaign.domain.DistrictSchools;
import fr.rentree.campaign.domain.SchoolIncident;
import fr.rentree.process.domain.Incident;
import fr.rentree.process.service.ProcessService;
import fr.rentree.school.domain.School;
import fr.rentree.school.service.SchoolService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The failed steps of a district campaign's schools, for its page: a school whose start failed in the district's
 * process (its staff retry it there), and the school campaigns standing on an incident (their directors retry those).
 */
@Service
@Transactional(readOnly = true)
public class DistrictIncidents {

    private final DistrictCampaigns reads;
    private final DistrictSchools schoolLines;
    private final CampaignRepository campaigns;
    private final ProcessService processes;
    private final SchoolService schoolDirectory;

    DistrictIncidents(DistrictCampaigns reads, DistrictSchools schoolLines, CampaignRepository campaigns,
            ProcessService processes, SchoolService schoolDirectory) {
        this.schoolDirectory = schoolDirectory;
        this.reads = reads;
        this.schoolLines = schoolLines;
        this.campaigns = campaigns;
        this.processes = processes;
    }

    /** The campaign's incidents, oldest first, each with its school; for its followers and Rentrée's commands. */
    public List<SchoolIncident> of(long districtCampaignId) {
        DistrictCampaign campaign = reads.followedOrSystem(districtCampaignId);
        List<Incident> incidents = processes.followedIncidents();
        if (incidents.isEmpty()) {
            return List.of();
        }
        List<DistrictSchool> schools = schoolLines.of(districtCampaignId);
        Map<Long, String> schoolOfCampaign = schools.stream().filter(DistrictSchool::started)
                .collect(Collectors.toMap(school -> Objects.requireNonNull(school.campaignId()),
                        DistrictSchool::schoolUai));
        Map<String, Long> campaignOfProcess = campaigns.findByProcessInstanceIdIn(incidents.stream()
                        .map(Incident::processInstanceId).distinct().toList()).stream()
                .collect(Collectors.toMap(Campaign::processInstanceId, Campaign::id));
        Map<Integer, String> schoolAt = schools.stream()
                .collect(Collectors.toMap(DistrictSchool::position, DistrictSchool::schoolUai));
        Map<Incident, String> schoolOf = new LinkedHashMap<>(); // oldest first, as the engine gave them
        for (Incident incident : incidents) {
            String school = incident.processInstanceId().equals(campaign.processInstanceId())
                    ? incident.item() == null ? null : schoolAt.get(incident.item())
                    : schoolOfCampaign.get(campaignOfProcess.get(incident.processInstanceId()));
            if (school != null) {
                schoolOf.put(incident, school);
            }
        }
        Map<String, String> names = schoolOf.isEmpty() ? Map.of() : schoolDirectory.findAll(Set.copyOf(
                schoolOf.values())).stream().collect(Collectors.toMap(School::uai, School::name));
        return schoolOf.entrySet().stream().map(found -> new SchoolIncident(found.getValue(),
                names.getOrDefault(found.getValue(), found.getValue()), found.getKey(),
                found.getKey().processInstanceId().equals(campaign.processInstanceId()))).toList();
    }

    /** Gives a school's failed start in the district's process one more try; for its staff only. */
    @Transactional
    public void retry(long districtCampaignId, String incidentId) {
        reads.requireStaffOf(reads.followed(districtCampaignId).district());
        boolean ours = of(districtCampaignId).stream().anyMatch(school -> school.ofDistrict()
                && school.incident().id().equals(incidentId));
        if (!ours) {
            throw new CampaignException(CampaignException.Reason.INCIDENT_GONE,
                    "No incident " + incidentId + " in district campaign " + districtCampaignId);
        }
        processes.retry(incidentId);
    }
}
