package fr.rentree.reports;

/** How many sheets an A4 page holds; each layout is a template compiled at build time. */
public enum SheetLayout {
    ONE_PER_PAGE("sheet-1-per-page", 1, 1),
    /** Two A5 halves, a dashed cut line between them. */
    TWO_PER_PAGE("sheet-2-per-page", 2, 1),
    /** Two columns of four, dashed cut lines between them; a pile's separator takes a whole row. */
    EIGHT_PER_PAGE("sheet-8-per-page", 8, 2);

    private final String template;
    private final int sheetsPerPage;
    private final int columns;

    SheetLayout(String template, int sheetsPerPage, int columns) {
        this.template = template;
        this.sheetsPerPage = sheetsPerPage;
        this.columns = columns;
    }

    public int sheetsPerPage() {
        return sheetsPerPage;
    }

    /** The places a pile's separator takes on its page. */
    int separatorPlaces() {
        return columns;
    }

    String resource() {
        return "/reports/" + template + ".jasper";
    }
}
