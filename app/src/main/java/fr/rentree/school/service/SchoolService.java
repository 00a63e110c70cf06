package fr.rentree.school.service;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.rentree.base.FieldsRefused;
import fr.rentree.school.domain.School;
import fr.rentree.school.domain.SchoolCreated;
import fr.rentree.school.domain.SchoolRemoved;
import fr.rentree.school.domain.SchoolRepository;
import fr.rentree.school.domain.SchoolSettings;
import fr.rentree.school.domain.SettingsChanged;
import fr.rentree.security.domain.Role;
import fr.rentree.security.service.BackOfficeUsers;
import fr.rentree.security.service.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The schools: the directory feature's entry point for everything keyed by UAI. */
@Service
@Transactional(readOnly = true)
public class SchoolService {

    private final SchoolRepository schools;
    private final JdbcAggregateTemplate aggregates;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final BackOfficeUsers users;

    SchoolService(SchoolRepository schools, JdbcAggregateTemplate aggregates, CurrentUser currentUser,
                  ApplicationEventPublisher events, BackOfficeUsers users) {
        this.schools = schools;
        this.aggregates = aggregates;
        this.currentUser = currentUser;
        this.events = events;
        this.users = users;
    }

    public Optional<School> find(String uai) {
        return schools.findById(uai);
    }

    public List<School> findAll(Collection<String> uais) {
        return schools.findByUaiInOrderByName(uais);
    }

    public List<School> inDistrict(String district) {
        return schools.findByDistrictOrderByName(district);
    }

    /** Every school, by name: the administrators' list. */
    public List<School> all() {
        currentUser.requireAdminOrSystem();
        return schools.findAllByOrderByName();
    }

    /** The districts schools belong to, for giving district staff a whole one. */
    public List<String> districts() {
        currentUser.requireAdminOrSystem();
        return schools.districts();
    }

    /**
     * An administrator adds a school by hand (one the national directory does not have yet).
     *
     * @throws FieldsRefused when the UAI is not one (its check letter included) or is taken, or the name is missing
     */
    @Transactional
    public School create(School school) {
        currentUser.requireAdminOrSystem();
        Map<String, String> problems = new LinkedHashMap<>();
        if (schools.existsById(school.uai())) {
            problems.put("uai", "schools.error.uai-taken");
        }
        problems.putAll(school.settings().problems());
        if (!problems.isEmpty()) {
            throw new FieldsRefused("School " + school.uai(), problems);
        }
        School created = aggregates.insert(school);
        events.publishEvent(new SchoolCreated(created.uai(), created.name()));
        return created;
    }

    /**
     * Locks the school's row until the caller's transaction ends, so that two actions on one school that must not
     * overlap (two launches of its campaign) take turns.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(String uai) {
        if (schools.lock(uai).isEmpty()) {
            throw new IllegalArgumentException("No school " + uai);
        }
    }

    /**
     * Saves a school's settings ("Paramètres de l'établissement") for one of its directors or an administrator;
     * anyone else is refused, district staff included. The settings are checked here, whatever the screen checked: when one is wrong nothing
     * is written. A plain update, the last save wins: the table has no version column to detect a colleague's save
     * in between, and the settings are a few fields a director fills in once.
     *
     * @return the school as saved
     * @throws FieldsRefused                                          saying, field by field, what is wrong
     * @throws org.springframework.security.access.AccessDeniedException when the signed-in user does not direct it
     *                                                                  and is no administrator
     */
    @Transactional
    public School updateSettings(String uai, SchoolSettings settings) {
        if (currentUser.require().role() != Role.ADMIN) {
            currentUser.requireDirectorOf(uai);
        }
        Map<String, String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new FieldsRefused("Settings of school " + uai, problems);
        }
        if (schools.updateSettings(uai, settings.name(), settings.contactEmail(), settings.entUrl()) != 1) {
            throw new IllegalArgumentException("No school " + uai);
        }
        events.publishEvent(new SettingsChanged(uai, settings)); // for the journal
        return schools.findById(uai).orElseThrow();
    }

    /**
     * An administrator removes a school created or imported by mistake: its directors and district staff lose it, and
     * their open sessions end. A school that has accounts, classes, imports, prints or campaigns stays: its history
     * is not Rentrée's to throw away.
     *
     * @throws SchoolInUse when the school has data; nothing is changed then
     */
    @Transactional
    public void remove(String uai) {
        currentUser.requireAdmin();
        School school = schools.findById(uai).orElseThrow(() -> new IllegalArgumentException("No school " + uai));
        users.forgetSchool(uai);
        try {
            schools.remove(uai);
        } catch (DataIntegrityViolationException e) { // a row of another feature refers to it: rolled back whole
            throw new SchoolInUse(uai);
        }
        events.publishEvent(new SchoolRemoved(uai, school.name()));
    }

    /** Adds a school unless one with that UAI exists (the UAI is chosen, not generated, hence insert). */
    @Transactional
    public School createIfAbsent(School school) {
        return schools.findById(school.uai()).orElseGet(() -> aggregates.insert(school));
    }
}
