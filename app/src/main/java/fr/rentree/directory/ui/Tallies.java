package fr.rentree.directory.ui;

import java.text.NumberFormat;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import fr.rentree.directory.domain.ActivationTally;
import fr.rentree.directory.domain.GroupTally;
import fr.rentree.directory.domain.Profile;

/** How the screens show activation counts: "35 / 85 (41 %)", and the "Statistiques" table of the console. */
final class Tallies {

    /**
     * The width of a sortable column of counts: "1 234 / 5 678 (22 %)" and a one-word title. Set, not automatic: the
     * grid's automatic width leaves out the sort arrows, and cuts the title.
     */
    static final String SORTABLE_COUNT_WIDTH = "11em";

    private Tallies() {
    }

    static String text(Component in, ActivationTally tally) {
        return tally.total() == 0 ? "–"
                : in.getTranslation("statistics.activated-of-total", tally.activated(), tally.total(), tally.percent());
    }

    /**
     * A count as the texts beside it write theirs ("1 298", as "1 140 / 1 298" in the grids), not as a bare number
     * ("1298"), which is what a grid shows of a number column.
     */
    static String count(Locale locale, long count) {
        return NumberFormat.getIntegerInstance(locale).format(count);
    }

    /** A share in percent, "25 %", or a dash for nobody. */
    static String percent(Component in, long total, int percent) {
        return total == 0 ? "–" : in.getTranslation("statistics.percent", percent);
    }

    /** A column per profile the groups have accounts of (a class has no guests; a district has every profile). */
    static void addProfileColumns(Grid<GroupTally> grid, Profile... profiles) {
        for (Profile profile : profiles) {
            grid.addColumn(group -> text(grid, group.of(profile)))
                    .setHeader(grid.getTranslation("statistics.profile." + profile))
                    .setComparator(group -> group.of(profile).percent()).setWidth(SORTABLE_COUNT_WIDTH).setFlexGrow(1);
        }
    }

    /** The "Statistiques" block: for each profile, how many activated and how many not. */
    static Grid<ActivationTally> block(Iterable<ActivationTally> tallies) {
        Grid<ActivationTally> grid = new Grid<>();
        grid.addColumn(tally -> grid.getTranslation("profile." + tally.profile()))
                .setHeader(grid.getTranslation("account.profile"));
        grid.addColumn(tally -> count(UI.getCurrent().getLocale(), tally.activated()))
                .setHeader(grid.getTranslation("statistics.activated"));
        grid.addColumn(tally -> count(UI.getCurrent().getLocale(), tally.notActivated()))
                .setHeader(grid.getTranslation("statistics.not-activated"));
        grid.addColumn(tally -> percent(grid, tally.total(), tally.percent()))
                .setHeader(grid.getTranslation("statistics.rate"));
        grid.setItems(java.util.stream.StreamSupport.stream(tallies.spliterator(), false).toList());
        grid.setAllRowsVisible(true);
        grid.setWidth("40em");
        return grid;
    }
}
