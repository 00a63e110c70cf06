package fr.rentree.process.service;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import fr.rentree.process.domain.CandidateGroups;
import fr.rentree.school.domain.School;
import fr.rentree.security.domain.Role;
import fr.rentree.school.service.SchoolService;
import fr.rentree.security.service.CurrentUser;
import fr.rentree.security.service.SignedInUser;
import org.springframework.stereotype.Component;

/**
 * Which candidate groups the signed-in user answers for: a director, {@code school:<UAI>} of each of their schools;
 * district staff, {@code district:<district>} of the districts of their schools. Read from the security context on
 * every call, never from what a screen passes.
 */
@Component
class Participation {

    private final CurrentUser currentUser;
    private final SchoolService schools;

    Participation(CurrentUser currentUser, SchoolService schools) {
        this.currentUser = currentUser;
        this.schools = schools;
    }

    SignedInUser user() {
        return currentUser.require();
    }

    /**
     * Whether the user may act on an instance of this owner group: its members, that is a school campaign's directors
     * and a district campaign's staff (whose groups are districts only, never a school).
     */
    boolean mayAct(String ownerGroup) {
        return groups().contains(ownerGroup);
    }

    /**
     * Whether the user may follow an instance of this owner group: its school's directors, and the staff of the
     * school's district (who never see its personal data: the features show them counts only); and Rentrée's own
     * work (a command's export).
     */
    boolean mayFollow(String ownerGroup) {
        if (currentUser.isSystem()) {
            return true;
        }
        SignedInUser user = user();
        return groups().contains(ownerGroup) || user.role() == Role.DISTRICT_STAFF
                && user.schoolUais().stream().map(CandidateGroups::school).anyMatch(ownerGroup::equals);
    }

    Set<String> groups() {
        SignedInUser user = user();
        Set<String> groups = new LinkedHashSet<>();
        switch (user.role()) {
            case DIRECTOR -> user.schoolUais().stream().sorted().map(CandidateGroups::school).forEach(groups::add);
            case DISTRICT_STAFF -> schools.findAll(user.schoolUais()).stream().map(School::district)
                    .filter(Objects::nonNull).sorted().map(CandidateGroups::district).forEach(groups::add);
        }
        return groups;
    }
}
