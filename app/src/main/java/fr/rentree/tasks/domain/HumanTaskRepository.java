package fr.rentree.tasks.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface HumanTaskRepository extends ListCrudRepository<HumanTask, Long> {

    Optional<HumanTask> findByJobKey(long jobKey);

    @Query("""
            select * from human_task
            where state = 'OPEN' and school_uai in (:schoolUais) and candidate_group in (:groups)
            order by created_at, id""")
    List<HumanTask> findInbox(Collection<String> schoolUais, Collection<String> groups);

    List<HumanTask> findByStateIn(Collection<HumanTaskState> states);

    List<HumanTask> findByProcessInstanceKey(long processInstanceKey);
}
