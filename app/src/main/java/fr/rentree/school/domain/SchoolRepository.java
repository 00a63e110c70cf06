package fr.rentree.school.domain;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface SchoolRepository extends ListCrudRepository<School, String> {

    List<School> findByUaiInOrderByName(Collection<String> uais);

    List<School> findByDistrictOrderByName(String district);

    List<School> findAllByOrderByName();

    @Query("select distinct district from school where district is not null order by district")
    List<String> districts();

    @Query("select uai from school where district = :district")
    List<String> uaisOfDistrict(String district);

    @Query("select uai from school where uai = :uai for update")
    List<String> lock(String uai);

    @Modifying
    @Query("delete from school where uai = :uai")
    int remove(String uai);

    /** The settings' columns only: the UAI, kind and district come from the national directory, not the form. */
    @Modifying
    @Query("update school set name = :name, contact_email = :contactEmail, ent_url = :entUrl where uai = :uai")
    int updateSettings(String uai, String name, @Nullable String contactEmail, @Nullable String entUrl);
}
