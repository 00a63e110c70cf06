package fr.rentree.school.service;

import java.util.Set;

import fr.rentree.school.domain.SchoolRepository;
import fr.rentree.security.domain.DistrictSchools;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The schools district staff follow when given a whole district: read at each sign-in, so new schools count. */
@Component
@Transactional(readOnly = true)
class SchoolsOfDistrict implements DistrictSchools {

    private final SchoolRepository schools;

    SchoolsOfDistrict(SchoolRepository schools) {
        this.schools = schools;
    }

    @Override
    public Set<String> of(String district) {
        return Set.copyOf(schools.uaisOfDistrict(district));
    }
}
