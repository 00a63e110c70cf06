package fr.rentree.reports;

/** How many sheets an A4 page holds; each layout is a template compiled at build time. */
public enum SheetLayout {
    ONE_PER_PAGE("sheet-1-per-page", 1),
    /** Two A5 halves, a dashed cut line between them. */
    TWO_PER_PAGE("sheet-2-per-page", 2),
    /** Two columns of four, dashed cut lines between them. */
    EIGHT_PER_PAGE("sheet-8-per-page", 8);

    private final String template;
    private final int sheetsPerPage;

    SheetLayout(String template, int sheetsPerPage) {
        this.template = template;
        this.sheetsPerPage = sheetsPerPage;
    }

    public int sheetsPerPage() {
        return sheetsPerPage;
    }

    String resource() {
        return "/reports/" + template + ".jasper";
    }
}
