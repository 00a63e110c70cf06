package fr.rentree.directory.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import fr.rentree.directory.domain.SchoolYear;
import fr.rentree.directory.service.StatisticsService;
import fr.rentree.school.domain.School;
import fr.rentree.school.service.SchoolService;
import fr.rentree.security.service.SignedInUser;
import jakarta.annotation.security.RolesAllowed;

/**
 * One school of "Suivi des écoles" ({@code circonscription/ecole?uai=…}): its counts, per profile and per class, as
 * district staff follow it. No account, no name: those are the school's.
 */
@Route("circonscription/ecole")
@RolesAllowed("DISTRICT_STAFF")
public class FollowedSchoolView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final List<School> followed;
    private final SchoolOverview overview;
    private final Clock clock;
    private final H2 title = new H2();
    private String pageTitle;

    FollowedSchoolView(StatisticsService statistics, SchoolService schools, AuthenticationContext authentication,
            Clock clock) {
        this.clock = clock;
        SignedInUser user = authentication.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        followed = schools.findAll(user.schoolUais());
        overview = new SchoolOverview(statistics);
        pageTitle = getTranslation("nav.district");
        add(new Anchor("circonscription", "← " + getTranslation("nav.district")), title, overview);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String uai = event.getLocation().getQueryParameters().getSingleParameter("uai").orElse("");
        Optional<School> school = followed.stream().filter(s -> s.uai().equals(uai)).findFirst();
        school.ifPresentOrElse(s -> {
            title.setText(s.name());
            pageTitle = s.name();
            overview.show(s, SchoolYear.of(LocalDate.now(clock)));
        }, () -> {
            title.setText(getTranslation("district.school.unknown.title"));
            add(new Paragraph(getTranslation("district.school.unknown", uai)));
        });
    }

    @Override
    public String getPageTitle() {
        return pageTitle + " · " + getTranslation("app.name");
    }
}
