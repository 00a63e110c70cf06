package fr.rentree.school.ui;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import fr.rentree.school.domain.School;

/**
 * The school a screen works on, among the user's, named with its UAI. A director of several schools keeps the one
 * they chose from screen to screen (remembered in their session) and across a reload or a shared link (the address's
 * {@code ?uai=}, which the picker writes as they choose); the first school otherwise.
 */
public class SchoolPicker extends ComboBox<School> implements BeforeEnterObserver, AfterNavigationObserver {

    /** The session attribute holding the UAI last chosen (a key, the value lives in the user's session). */
    private static final String CHOSEN = SchoolPicker.class.getName() + ".chosen";
    private static final String UAI = "uai";

    private final List<School> schools;

    public SchoolPicker(String label, List<School> schools) {
        super(label, schools);
        this.schools = List.copyOf(schools);
        addClassName("school-picker");
        setItemLabelGenerator(school -> school.name() + " (" + school.uai() + ")");
        setWidth("26em");
        setAllowCustomValue(false);
        remembered().flatMap(this::mine).or(() -> schools.stream().findFirst()).ifPresent(this::setValue);
        addValueChangeListener(changed -> {
            if (changed.getValue() == null) {
                return;
            }
            remember(changed.getValue().uai());
            if (changed.isFromClient()) {
                getUI().ifPresent(ui -> showInAddress(ui.getInternals().getActiveViewLocation()));
            }
        });
    }

    /**
     * Selects the school that the address's {@code ?uai=} names, when it is one of the user's: a link from another
     * screen opens that school. Returns the code asked when it is none of theirs (nothing selected then), for the
     * screen to say so rather than show another school; empty otherwise.
     */
    public Optional<String> selectAsked(BeforeEnterEvent event) {
        Optional<String> asked = asked(event.getLocation());
        asked.ifPresent(uai -> setValue(mine(uai).orElse(null)));
        return asked.filter(uai -> getValue() == null);
    }

    /** The address's school when it is one of the user's; a screen that says more about a wrong one calls the above. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        asked(event.getLocation()).flatMap(this::mine).ifPresent(this::setValue);
    }

    /** Once on the screen, its address names the school shown, so that a reload or a bookmark opens it again. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        showInAddress(event.getLocation());
    }

    private void showInAddress(Location location) {
        School chosen = getValue();
        // one school: nothing to choose, nothing to keep
        if (schools.size() < 2 || chosen == null || asked(location).filter(chosen.uai()::equals).isPresent()) {
            return;
        }
        // the school only: the screens of a school take nothing else from the address (nor keep sign-in's ?continue)
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location(location.getPath(), QueryParameters.of(UAI, chosen.uai()))));
    }

    private static Optional<String> asked(Location location) {
        return location.getQueryParameters().getSingleParameter(UAI);
    }

    private Optional<School> mine(String uai) {
        return schools.stream().filter(school -> school.uai().equals(uai)).findFirst();
    }

    private static Optional<String> remembered() {
        return Optional.ofNullable(VaadinSession.getCurrent()).map(session -> session.getAttribute(CHOSEN))
                .map(String.class::cast);
    }

    private static void remember(String uai) {
        Optional.ofNullable(VaadinSession.getCurrent()).ifPresent(session -> session.setAttribute(CHOSEN, uai));
    }
}
