package fr.rentree.security.domain;

import java.util.Set;

/**
 * The schools of a district, as the school feature knows them: district staff given a district follow each of them,
 * the ones imported after the user was created included. (Implemented by the school feature, which depends on this
 * one, not the other way round.)
 */
public interface DistrictSchools {

    Set<String> of(String district);
}
