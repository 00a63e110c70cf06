package fr.rentree.directory.service;

/** Conditions on account {@code a} that the lists and the publipostage selections share. */
final class AccountConditions {

    /**
     * In one of the classes {@code :classes} of the school {@code :uai} this year {@code :year}; a parent through an
     * active child. Two sets read once from the school's classes: an "exists" per account made MariaDB read every
     * class of that name in the directory for each row.
     */
    static final String IN_CLASSES = """
            (a.id in (select ac.account_id from school_class c join account_class ac on ac.class_id = c.id
                      where c.school_uai = :uai and c.school_year = :year and c.code in (:classes))
             or a.id in (select pl.parent_id from school_class c
                         join account_class ac on ac.class_id = c.id
                         join parent_link pl on pl.child_id = ac.account_id
                         join account ch on ch.id = pl.child_id
                         where c.school_uai = :uai and c.school_year = :year and c.code in (:classes)
                           and ch.state = 'ACTIVE'))""";

    private AccountConditions() {
    }
}
