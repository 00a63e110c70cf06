package fr.rentree.school.service;

import fr.rentree.base.Refusal;

/** A school that has accounts, classes, imports, prints or campaigns cannot be removed. */
public class SchoolInUse extends Refusal {

    SchoolInUse(String uai) {
        super("School " + uai + " has data", null);
    }

    @Override
    public String messageKey() {
        return "schools.remove.in-use";
    }
}
