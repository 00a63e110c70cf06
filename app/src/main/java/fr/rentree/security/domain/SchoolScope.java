package fr.rentree.security.domain;

import org.springframework.data.relational.core.mapping.Table;

/** One school a back-office user works for. */
@Table("back_office_user_school")
public record SchoolScope(String schoolUai) {
}
