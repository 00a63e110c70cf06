package fr.rentree.security.domain;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface BackOfficeUserRepository extends ListCrudRepository<BackOfficeUser, Long> {

    Optional<BackOfficeUser> findByUsername(String username);
}
