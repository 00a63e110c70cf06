package fr.rentree.sheets.domain;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface SheetPrintRepository extends ListCrudRepository<SheetPrint, Long> {

    List<SheetPrint> findBySchoolUaiOrderByPrintedAtDesc(String schoolUai);
}
