package fr.rentree.base.i18n;

/**
 * The name of a school as a message argument. In French it takes its article where a sentence needs one: "L’équipe
 * du collège Pasteur", "Le collège Pasteur vous ouvre un compte", "pour l’école Jean-Jaurès". In English, and
 * wherever it is not a message argument, it is the name as the directory holds it.
 */
public record Institution(String name) {

    @Override
    public String toString() {
        return name;
    }
}
