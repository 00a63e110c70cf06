package fr.rentree.school.domain;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface SchoolRepository extends ListCrudRepository<School, String> {

    List<School> findByUaiInOrderByName(Collection<String> uais);

    List<School> findByDistrictOrderByName(String district);

    @Query("select uai from school where uai = :uai for update")
    List<String> lock(String uai);
}
