package fr.rentree.demo;

import java.util.Set;

import fr.rentree.campaign.service.CampaignService;
import fr.rentree.school.domain.School;
import fr.rentree.school.domain.SchoolKind;
import fr.rentree.school.service.SchoolService;
import fr.rentree.security.domain.Role;
import fr.rentree.security.service.BackOfficeUserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A small demo district for command 1 ({@code rentree.demo.enabled}): three schools, their directors, a district
 * officer, and a campaign waiting in the first director's inbox. Added once; a restart keeps what was done.
 */
@Component
@ConditionalOnProperty("rentree.demo.enabled")
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "rentree";
    private static final String DISTRICT = "DSDEN de démonstration";
    private static final String ENT = "https://ent.demo.rentree.localhost";
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final SchoolService schools;
    private final BackOfficeUserService users;
    private final CampaignService campaigns;

    DemoData(SchoolService schools, BackOfficeUserService users, CampaignService campaigns) {
        this.schools = schools;
        this.users = users;
        this.campaigns = campaigns;
    }

    @Override
    public void run(ApplicationArguments args) {
        schools.createIfAbsent(new School("0750001U", "École élémentaire Jules-Ferry", SchoolKind.ECOLE, DISTRICT,
                "ce.0750001u@ac-paris.fr", ENT));
        schools.createIfAbsent(new School("0750002V", "Collège Louise-Michel", SchoolKind.COLLEGE, DISTRICT,
                "ce.0750002v@ac-paris.fr", ENT));
        schools.createIfAbsent(new School("0931234L", "Lycée Olympe-de-Gouges", SchoolKind.LYCEE, DISTRICT,
                "ce.0931234l@ac-creteil.fr", ENT));
        users.createIfAbsent("claire.dubois", PASSWORD, "Claire Dubois", Role.DIRECTOR, Set.of("0750001U"));
        users.createIfAbsent("karim.benali", PASSWORD, "Karim Benali", Role.DIRECTOR,
                Set.of("0750002V", "0931234L"));
        users.createIfAbsent("sophie.martin", PASSWORD, "Sophie Martin", Role.DISTRICT_STAFF,
                Set.of("0750001U", "0750002V", "0931234L"));
        if (campaigns.campaignsOf(Set.of("0750001U")).isEmpty()) {
            campaigns.launch("0750001U", "claire.dubois");
        }
        LOG.info("Demo district ready: sign in as claire.dubois, karim.benali (directors) or sophie.martin"
                + " (district), password '{}'", PASSWORD);
    }
}
