package fr.rentree.school.service;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import fr.rentree.school.domain.School;
import fr.rentree.school.domain.SchoolRepository;
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

    SchoolService(SchoolRepository schools, JdbcAggregateTemplate aggregates) {
        this.schools = schools;
        this.aggregates = aggregates;
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

    /** Adds a school unless one with that UAI exists (the UAI is chosen, not generated, hence insert). */
    @Transactional
    public School createIfAbsent(School school) {
        return schools.findById(school.uai()).orElseGet(() -> aggregates.insert(school));
    }
}
