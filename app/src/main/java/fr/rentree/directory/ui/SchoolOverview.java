package fr.rentree.directory.ui;

import java.util.Comparator;
import java.util.List;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import fr.rentree.directory.domain.ClassOrder;
import fr.rentree.directory.domain.GroupTally;
import fr.rentree.directory.domain.Profile;
import fr.rentree.directory.domain.ReportTally;
import fr.rentree.directory.domain.SchoolYear;
import fr.rentree.directory.service.StatisticsService;
import fr.rentree.school.domain.School;

/**
 * A school at a glance, as the console's "Informations" tab shows it: what it is, its activation statistics, and
 * each class's. Counts only, no person: directors and district staff read it alike.
 */
class SchoolOverview extends Div {

    private final StatisticsService statistics;

    SchoolOverview(StatisticsService statistics) {
        this.statistics = statistics;
        setWidthFull();
    }

    void show(School school, SchoolYear year) {
        removeAll();
        add(new Span(getTranslation("school.summary", getTranslation("school.kind." + school.kind()), school.uai(),
                school.district() == null ? "–" : school.district(), year.label())));
        Grid<?> block = Tallies.block(statistics.ofSchool(school.uai()));
        block.setId("school-statistics");
        add(new H3(getTranslation("statistics.title")), block);
        ReportTally reports = statistics.guardianReports(school.uai());
        if (reports.any()) {
            Paragraph reported = new Paragraph(getTranslation("statistics.reports", reports.open(),
                    reports.handled()));
            reported.setId("report-statistics");
            add(reported);
        }

        List<GroupTally> classes = statistics.ofClasses(school.uai(), year);
        Grid<GroupTally> classGrid = new Grid<>();
        classGrid.setId("class-statistics");
        classGrid.addColumn(GroupTally::key).setHeader(getTranslation("account.classes"))
                .setWidth(Tallies.SORTABLE_COUNT_WIDTH).setFlexGrow(0)
                .setComparator(Comparator.comparing(GroupTally::key, ClassOrder.INSTANCE));
        classGrid.addColumn(GroupTally::label).setHeader(getTranslation("school.class-label")).setAutoWidth(true);
        Tallies.addProfileColumns(classGrid, Profile.STUDENT, Profile.PARENT, Profile.TEACHER);
        classGrid.setItems(classes);
        // every class in sight, however many: the page scrolls, the table does not
        classGrid.setAllRowsVisible(true);
        classGrid.setWidthFull();
        add(new H3(getTranslation("statistics.by-class")), classGrid);
    }
}
