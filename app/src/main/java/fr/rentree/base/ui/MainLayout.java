package fr.rentree.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import fr.rentree.base.i18n.Languages;

/**
 * The frame of every back-office screen: the application name, the navigation built from the views' {@code @Menu}
 * (titles are message keys), the language and the signed-in user.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout {

    MainLayout(AuthenticationContext authentication, Languages languages) {
        H1 title = new H1(getTranslation("app.name"));
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        DrawerToggle menu = new DrawerToggle();
        menu.setAriaLabel(getTranslation("layout.menu"));
        addToNavbar(menu, title, toolbar(authentication, languages));
        addToDrawer(navigation());
        // wider than Vaadin's 16em, so that the longest entry, "Paramètres de l'établissement", is read whole
        getStyle().set("--vaadin-app-layout-drawer-width", "19em");
        translateSortLabels();
    }

    /**
     * The grid's sort arrows tell screen readers "Sort by …" in English, written by Vaadin's grid script with no way
     * to translate it: the page rewrites those labels in the user's language as they appear.
     */
    private void translateSortLabels() {
        getElement().executeJs("""
                const sortBy = $0;
                const fix = sorter => {
                  const label = sorter.getAttribute('aria-label');
                  if (label && label.startsWith('Sort by ')) {
                    const translated = sortBy.replace('{0}', label.substring('Sort by '.length));
                    if (translated !== label) sorter.setAttribute('aria-label', translated); // English: as it is
                  }
                };
                const fixAll = node => node.querySelectorAll
                    && node.querySelectorAll('vaadin-grid-sorter[aria-label]').forEach(fix);
                new MutationObserver(changes => changes.forEach(change => {
                  if (change.type === 'attributes') {
                    fix(change.target);
                  } else {
                    change.addedNodes.forEach(node => {
                      if (node.localName === 'vaadin-grid-sorter') fix(node);
                      fixAll(node);
                    });
                  }
                })).observe(document.body, {subtree: true, childList: true, attributes: true,
                    attributeFilter: ['aria-label']});
                fixAll(document);""", getTranslation("layout.sort-by"));
    }

    private HorizontalLayout toolbar(AuthenticationContext authentication, Languages languages) {
        LanguageSelect language = new LanguageSelect(languages);

        HorizontalLayout toolbar = new HorizontalLayout(language);
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        authentication.getPrincipalName().ifPresent(name -> {
            Button logout = new Button(getTranslation("layout.logout"), e -> authentication.logout());
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            toolbar.add(new Span(name), logout);
        });
        toolbar.getStyle().set("margin-left", "auto").set("margin-right", "var(--lumo-space-m)");
        return toolbar;
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        MenuConfiguration.getMenuEntries().forEach(entry -> {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        });
        return nav;
    }
}
