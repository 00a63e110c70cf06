package fr.rentree.directory.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import fr.rentree.directory.domain.GroupTally;
import fr.rentree.directory.domain.Profile;
import fr.rentree.directory.service.StatisticsService;
import fr.rentree.school.domain.School;
import fr.rentree.school.service.SchoolService;
import fr.rentree.security.service.SignedInUser;
import jakarta.annotation.security.RolesAllowed;

/** "Suivi des écoles": the district officer's schools side by side, activation per profile, and their sum. */
@Route("circonscription")
@Menu(title = "nav.district", order = 2, icon = "vaadin:chart-grid")
@RolesAllowed("DISTRICT_STAFF")
public class DistrictView extends VerticalLayout implements HasDynamicTitle {

    DistrictView(StatisticsService statistics, SchoolService schools, AuthenticationContext authentication) {
        SignedInUser user = authentication.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        List<School> mine = schools.findAll(user.schoolUais());
        Map<String, String> names = new LinkedHashMap<>();
        mine.forEach(school -> names.put(school.uai(), school.name()));
        List<GroupTally> bySchool = statistics.ofSchools(names);

        Grid<GroupTally> grid = new Grid<>();
        grid.setId("district-statistics");
        // names and UAIs in full, on one line: the table scrolls sideways on a narrow screen, the name in sight
        grid.addComponentColumn(group -> new Anchor("circonscription/ecole?uai=" + group.key(), group.label()))
                .setHeader(getTranslation("campaigns.column.school")).setAutoWidth(true).setFlexGrow(1)
                .setFrozen(true).setComparator(GroupTally::label);
        grid.addColumn(GroupTally::key).setHeader("UAI").setAutoWidth(true).setFlexGrow(0);
        Tallies.addProfileColumns(grid, Profile.STUDENT, Profile.PARENT, Profile.TEACHER, Profile.STAFF);
        grid.addColumn(group -> Tallies.percent(grid, group.total(), group.percent()))
                .setHeader(getTranslation("statistics.rate")).setComparator(GroupTally::percent)
                .setWidth(Tallies.SORTABLE_COUNT_WIDTH).setFlexGrow(0);
        grid.setItems(bySchool);
        grid.setAllRowsVisible(true);

        var total = Tallies.block(GroupTally.sum(bySchool));
        total.setId("district-total");
        add(new H2(getTranslation("nav.district")), new H3(getTranslation("statistics.title")), total,
                new H3(getTranslation("statistics.by-school")), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.district") + " · " + getTranslation("app.name");
    }
}
