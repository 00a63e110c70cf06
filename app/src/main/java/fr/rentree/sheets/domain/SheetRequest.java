package fr.rentree.sheets.domain;

import fr.rentree.directory.domain.RecipientQuery;
import fr.rentree.reports.SheetLayout;

/** What a director asks to print: which accounts, in which order, how many per page. */
public record SheetRequest(RecipientQuery recipients, SheetLayout layout) {

    public String schoolUai() {
        return recipients.selection().schoolUai();
    }
}
