package fr.rentree.siecle.service;

import fr.rentree.siecle.domain.Finding;

/** An export that cannot be read any further; carries the error that says why. */
class RefusedExport extends Exception {

    private final transient Finding finding;

    RefusedExport(Finding finding) {
        super(finding.key(), null, false, false);
        this.finding = finding;
    }

    Finding finding() {
        return finding;
    }
}
