package fr.rentree.base.ui;

import com.vaadin.flow.component.grid.Grid;

/**
 * The height of a grid whose rows may be few or thousands (tasks, e-mails): all its rows in sight while they are
 * few, a scrolling window beyond. A grid showing every row asks the server for all of them at once, which Vaadin
 * refuses past ten pages.
 */
public final class GridHeight {

    /** Rows shown whole; more scroll. */
    static final int WHOLE = 20;

    private GridHeight() {
    }

    public static void fit(Grid<?> grid, long rows) {
        grid.setAllRowsVisible(rows <= WHOLE);
        grid.setHeight(rows <= WHOLE ? null : "36em");
    }
}
