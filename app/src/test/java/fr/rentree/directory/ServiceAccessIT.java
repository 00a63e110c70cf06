package fr.rentree.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import fr.rentree.directory.domain.AccountQuery;
import fr.rentree.directory.domain.ActivationFilter;
import fr.rentree.directory.domain.DistributionOrder;
import fr.rentree.directory.domain.EmailFilter;
import fr.rentree.directory.domain.LocalAdminFilter;
import fr.rentree.directory.domain.ParentPlacement;
import fr.rentree.directory.domain.Pile;
import fr.rentree.directory.domain.Placement;
import fr.rentree.directory.domain.RecipientQuery;
import fr.rentree.directory.domain.RecipientSelection;
import fr.rentree.directory.domain.SchoolYear;
import fr.rentree.directory.domain.StateFilter;
import fr.rentree.directory.service.DirectoryService;
import fr.rentree.directory.service.RecipientService;
import fr.rentree.directory.service.StatisticsService;
import fr.rentree.reports.SheetLayout;
import fr.rentree.sheets.domain.SheetRequest;
import fr.rentree.sheets.service.SheetService;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The services that read a school's accounts, names, addresses and codes check who asks, whatever screen calls them:
 * a director of another school, district staff and an anonymous visitor of the public pages are refused; district
 * staff read the school's counts; Rentrée's own work (no user at all: jobs, commands) goes through.
 */
@RentreeIntegrationTest
class ServiceAccessIT {

    @Autowired
    DirectoryService directory;
    @Autowired
    RecipientService recipients;
    @Autowired
    StatisticsService statistics;
    @Autowired
    SheetService sheets;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path folder;

    @Test
    void personal_data_and_codes_are_refused_to_anyone_but_the_schools_directors() {
        fixtures.emptyDirectory();
        Fixtures.SchoolAndDirector school = fixtures.schoolWithAccounts("Collège Marie-Curie", folder);
        String uai = school.school().uai();
        long zoe = jdbc.sql("select id from account where login = 'zoe.martin-dupont'").query(Long.class).single();
        RecipientSelection selection = new RecipientSelection(uai, Set.of(), Set.of(), ActivationFilter.ALL,
                EmailFilter.ALL, LocalAdminFilter.ALL, null, null, false);
        RecipientQuery query = new RecipientQuery(selection, DistributionOrder.ALPHABETICAL, ParentPlacement.WITH_YOUNGEST_CHILD);
        Map<String, Supplier<?>> personal = Map.ofEntries(
                Map.entry("accounts", () -> directory.accounts(AccountQuery.all(uai, StateFilter.IN_USE), 0, 10)),
                Map.entry("count", () -> directory.count(AccountQuery.all(uai, StateFilter.IN_USE))),
                Map.entry("account", () -> directory.account(uai, zoe)),
                Map.entry("activationCode", () -> directory.activationCode(zoe)),
                Map.entry("regenerateActivationCode", () -> directory.regenerateActivationCode(zoe)),
                Map.entry("recipients.count", () -> recipients.count(query)),
                Map.entry("placements", () -> recipients.placements(query)),
                Map.entry("recipients", () -> recipients.recipients(uai,
                        List.of(new Placement(zoe, new Pile(Pile.Kind.ALL, null), null)))),
                Map.entry("recipient", () -> recipients.recipient(uai, zoe)),
                Map.entry("tally", () -> recipients.tally(selection)),
                Map.entry("selected", () -> recipients.selected(selection, 0, 10)),
                Map.entry("headTeachers", () -> recipients.headTeachers(uai)),
                Map.entry("classes", () -> recipients.classes(uai)),
                Map.entry("previewPages", () -> sheets.previewPages(new SheetRequest(query, SheetLayout.EIGHT_PER_PAGE),
                        Locale.FRENCH)),
                Map.entry("printLater", () -> sheets.printLater(new SheetRequest(query, SheetLayout.EIGHT_PER_PAGE),
                        Locale.FRENCH, sheets -> { }, "intrus")),
                Map.entry("printAccount", () -> {
                    sheets.printAccount(uai, zoe, Locale.FRENCH, new ByteArrayOutputStream());
                    return null;
                }));
        Map<String, Supplier<?>> counts = Map.of(
                "ofSchool", () -> statistics.ofSchool(uai),
                "ofClasses", () -> statistics.ofClasses(uai, SchoolYear.of(LocalDate.now())),
                "guardianReports", () -> statistics.guardianReports(uai));

        String elsewhere = fixtures.schoolWithDirector("École Paul-Bert").director();
        String districtStaff = fixtures.districtOfficer(Set.of(uai));
        personal.forEach((name, call) -> {
            for (String intruder : List.of(elsewhere, districtStaff)) {
                assertThatThrownBy(() -> fixtures.as(intruder, call)).as(name + " as " + intruder)
                        .isInstanceOf(AccessDeniedException.class);
            }
            assertThatThrownBy(() -> anonymously(call)).as(name + " anonymously")
                    .isInstanceOf(AccessDeniedException.class);
        });
        counts.forEach((name, call) -> {
            assertThatThrownBy(() -> fixtures.as(elsewhere, call)).as(name).isInstanceOf(AccessDeniedException.class);
            assertThat(fixtures.as(districtStaff, call)).as(name + " for district staff").isNotNull();
        });
        // the school's director, and Rentrée's own work, get through
        assertThat(fixtures.as(school.director(), () -> directory.count(AccountQuery.all(uai, StateFilter.IN_USE))))
                .isEqualTo(11);
        assertThat(directory.activationCode(zoe)).isPresent();
    }

    private static Object anonymously(Supplier<?> call) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new AnonymousAuthenticationToken("public", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        SecurityContextHolder.setContext(context);
        try {
            return call.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
