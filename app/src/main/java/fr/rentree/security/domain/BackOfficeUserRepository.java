package fr.rentree.security.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface BackOfficeUserRepository extends ListCrudRepository<BackOfficeUser, Long> {

    Optional<BackOfficeUser> findByUsername(String username);

    boolean existsByUsername(String username);

    List<BackOfficeUser> findAllByOrderByDisplayName();

    @Query("""
            select count(distinct u.id) from back_office_user u join back_office_user_school s on s.back_office_user = u.id
            where u.role = 'DIRECTOR' and u.enabled and s.school_uai in (:schoolUais)""")
    int countEnabledDirectors(Collection<String> schoolUais);

    @Query("""
            select u.* from back_office_user u
            where u.role = 'DIRECTOR' and u.enabled and u.email is not null
              and exists (select 1 from back_office_user_school s where s.back_office_user = u.id and s.school_uai = :uai)
            order by u.username""")
    List<BackOfficeUser> enabledDirectorsWithAddress(String uai);

    @Query("select session_epoch from back_office_user where username = :username and enabled")
    Optional<Integer> sessionEpochOfEnabled(String username);

    /** Ends every session of the users who work for this school: what they may reach changes. */
    @Modifying
    @Query("""
            update back_office_user set session_epoch = session_epoch + 1
            where id in (select back_office_user from back_office_user_school where school_uai = :uai)""")
    int endSessionsForSchool(String uai);

    @Modifying
    @Query("delete from back_office_user_school where school_uai = :uai")
    int forgetSchool(String uai);

    @Modifying
    @Query("update back_office_user set totp_secret = null, totp_last_step = null, totp_pending_secret = null"
            + " where id = :id")
    int forgetSecondFactor(long id);

    /**
     * Sets a new password and ends every session opened with the old one (whoever held an invitation link, or the
     * old password, is signed out at their next request).
     */
    @Modifying
    @Query("update back_office_user set password_hash = :passwordHash, session_epoch = session_epoch + 1 where id = :id")
    int setPassword(long id, String passwordHash);
}
