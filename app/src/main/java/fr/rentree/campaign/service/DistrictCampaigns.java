package fr.rentree.campaign.service;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import fr.rentree.campaign.domain.Deliveries;
import fr.rentree.campaign.domain.DeliveryTally;
import fr.rentree.campaign.domain.DistrictCampaign;
import fr.rentree.campaign.domain.DistrictCampaignRepository;
import fr.rentree.campaign.domain.DistrictCampaignState;
import fr.rentree.school.domain.School;
import fr.rentree.school.service.SchoolService;
import fr.rentree.security.domain.Role;
import fr.rentree.security.service.CurrentUser;
import fr.rentree.security.service.SignedInUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The district campaigns as their readers see them, and who may: district staff, the campaigns of the districts whose
 * schools they follow; administrators, every one; directors, none. It needs neither the engine nor the mail, so the
 * headless commands read through it too ({@code export-district}, as Rentrée's own work).
 */
@Service
@Transactional(readOnly = true)
public class DistrictCampaigns {

    private final DistrictCampaignRepository districtCampaigns;
    private final SchoolService schools;
    private final CurrentUser currentUser;
    private final Deliveries deliveries;

    DistrictCampaigns(DistrictCampaignRepository districtCampaigns, SchoolService schools, CurrentUser currentUser,
            Deliveries deliveries) {
        this.districtCampaigns = districtCampaigns;
        this.schools = schools;
        this.currentUser = currentUser;
        this.deliveries = deliveries;
    }

    /** The districts whose schools the signed-in district staff follow, in name order: where they may launch. */
    public List<String> districts() {
        return List.copyOf(districtsOf(requireStaff()));
    }

    /** The schools of one of the staff's districts that they follow, by name: the launch's choices. */
    public List<School> schoolsOf(String district) {
        SignedInUser user = requireStaffOf(district);
        return schools.findAll(user.schoolUais()).stream().filter(school -> district.equals(school.district()))
                .sorted(Comparator.comparing(School::name).thenComparing(School::uai)).toList();
    }

    /** The district campaigns the user may follow, newest first: their districts' (all, for administrators). */
    public List<DistrictCampaign> mine() {
        SignedInUser user = currentUser.require();
        if (user.role() == Role.ADMIN) {
            return districtCampaigns.findAll().stream()
                    .sorted(Comparator.comparing(DistrictCampaign::createdAt).reversed()).toList();
        }
        Set<String> districts = districtsOf(requireStaff());
        return districts.isEmpty() ? List.of() : districtCampaigns.findByDistrictInOrderByCreatedAtDesc(districts);
    }

    /** A district campaign, for its district's staff and the administrators only. */
    public DistrictCampaign followed(long id) {
        DistrictCampaign campaign = byId(id);
        requireFollowerOf(campaign);
        return campaign;
    }

    /** As {@link #followed}, or for Rentrée's own work: a command run by the operator ({@code export-district}). */
    public DistrictCampaign followedOrSystem(long id) {
        DistrictCampaign campaign = byId(id);
        if (!currentUser.isSystem()) {
            requireFollowerOf(campaign);
        }
        return campaign;
    }

    /**
     * What these school campaigns of a district campaign delivered (counts only), by campaign id; a campaign of another
     * district campaign is left out. For its followers and Rentrée's own commands.
     */
    public Map<Long, DeliveryTally> delivered(long id, Collection<Long> campaignIds) {
        followedOrSystem(id);
        return deliveries.tallies(id, campaignIds);
    }

    /** The district campaigns of a district, newest first: for Rentrée's own work only (no one is signed in). */
    public List<DistrictCampaign> ofDistrictForSystem(String district) {
        if (!currentUser.isSystem()) {
            throw new AccessDeniedException("Only Rentrée's own commands list a district's campaigns this way");
        }
        return districtCampaigns.findByDistrictInOrderByCreatedAtDesc(List.of(district));
    }

    /** The ids of the district campaigns under way: for Rentrée's own work only (the nightly activation count). */
    public List<Long> runningForSystem() {
        if (!currentUser.isSystem()) {
            throw new AccessDeniedException("Only Rentrée's own jobs list every running district campaign");
        }
        return districtCampaigns.findByState(DistrictCampaignState.RUNNING).stream().map(DistrictCampaign::id)
                .map(Objects::requireNonNull).toList();
    }

    SignedInUser requireStaff() {
        SignedInUser user = currentUser.require();
        if (user.role() != Role.DISTRICT_STAFF) {
            throw new AccessDeniedException(user.getUsername() + " is no district staff");
        }
        return user;
    }

    SignedInUser requireStaffOf(String district) {
        SignedInUser user = requireStaff();
        if (!districtsOf(user).contains(district)) {
            throw new AccessDeniedException(user.getUsername() + " does not follow district " + district);
        }
        return user;
    }

    /** District staff of the campaign's district, or an administrator. */
    private void requireFollowerOf(DistrictCampaign campaign) {
        if (currentUser.require().role() != Role.ADMIN) {
            requireStaffOf(campaign.district());
        }
    }

    private Set<String> districtsOf(SignedInUser user) {
        return schools.findAll(user.schoolUais()).stream().map(School::district).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    DistrictCampaign byId(long id) {
        return districtCampaigns.findById(id).orElseThrow(() -> new CampaignException(
                CampaignException.Reason.UNKNOWN, "No district campaign " + id));
    }
}
