package fr.rentree.directory.domain;

/** How many accounts a selection holds, and how many of them no e-mail can reach. */
public record SelectionTally(int accounts, int withoutEmail) {

    public int withEmail() {
        return accounts - withoutEmail;
    }
}
