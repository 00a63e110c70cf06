package fr.rentree.directory.service;

import java.util.Collection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The activation tallies of the schools ({@code account_tally}), which the statistics read instead of counting. */
@Component
class ActivationTallies {

    private final JdbcClient jdbc;

    ActivationTallies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Brings the tallies of these schools up to date; called by every write that changes which accounts are in use
     * or activated, in its transaction, under a lock on the schools (writers of a school take turns).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void recount(Collection<String> uais) {
        if (uais.isEmpty()) {
            return;
        }
        jdbc.sql("select uai from school where uai in (:uais) for update").param("uais", uais).query(String.class)
                .list();
        jdbc.sql("delete from account_tally where school_uai in (:uais)").param("uais", uais).update();
        jdbc.sql("""
                        insert into account_tally (school_uai, profile, activated, not_activated)
                        select school_uai, profile, count(activated_at), count(*) - count(activated_at)
                        from account where school_uai in (:uais) and state = 'ACTIVE' group by school_uai, profile""")
                .param("uais", uais).update();
    }
}
