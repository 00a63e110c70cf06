package fr.rentree.directory.domain;

/** How the school addresses a holder it creates by hand: Monsieur or Madame. */
public enum Civility {
    M, MME
}
