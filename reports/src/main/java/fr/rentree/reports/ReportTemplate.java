package fr.rentree.reports;

/** The templates this module ships, each compiled at build time to {@code /reports/<file>.jasper}. */
public enum ReportTemplate {
    /** One account's credentials per page (the full set of layouts comes with the sheets feature). */
    ACCOUNT_SHEET("account-sheet");

    private final String file;

    ReportTemplate(String file) {
        this.file = file;
    }

    String resource() {
        return "/reports/" + file + ".jasper";
    }
}
