package fr.rentree.sheets.service;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;

import fr.rentree.directory.domain.Placement;
import fr.rentree.directory.domain.Recipient;
import fr.rentree.directory.domain.WrittenName;
import fr.rentree.sheets.domain.PrintList;
import fr.rentree.directory.service.RecipientService;
import fr.rentree.reports.Pile;
import fr.rentree.reports.Sheet;
import fr.rentree.school.domain.School;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import fr.rentree.security.service.CurrentUser;
import org.springframework.security.core.Authentication;

/**
 * The sheets of a list of placements, their recipients read from the database a page at a time while the PDF is
 * written, each in the words of the reader's language.
 */
final class RecipientSheets implements Iterator<Sheet> {

    private final RecipientService recipients;
    private final PrintList list;
    private final School school;
    private final HolderPages pages;
    private final MessageSource messages;
    private final Locale locale;
    private final int limit;
    private final Map<fr.rentree.directory.domain.Pile, Integer> pileSizes;
    private final Map<String, List<String>> headTeachers;
    private final CurrentUser currentUser;
    /** Who asked for the sheets: the pages are read on the renderer's own thread, as them. */
    private final Optional<Authentication> caller;
    private Iterator<Recipient> page = List.<Recipient>of().iterator();
    private int read;

    /** At most {@code limit} sheets (a preview needs one page's worth). */
    RecipientSheets(RecipientService recipients, PrintList list, School school, HolderPages pages,
            MessageSource messages, Locale locale, int limit, CurrentUser currentUser) {
        this.recipients = recipients;
        this.currentUser = currentUser;
        this.caller = currentUser.authentication();
        this.list = list;
        this.school = school;
        this.pages = pages;
        this.messages = messages;
        this.locale = locale;
        this.limit = limit;
        pileSizes = list.pileSizes();
        headTeachers = recipients.headTeachers(school.uai());
    }

    @Override
    public boolean hasNext() {
        if (read >= limit) {
            return false;
        }
        while (!page.hasNext() && list.pages().hasNext()) {
            page = asCaller(list.pages().next()).iterator();
        }
        return page.hasNext();
    }

    @Override
    public Sheet next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        read++;
        return sheet(page.next());
    }

    private List<Recipient> asCaller(List<Placement> placements) {
        return currentUser.as(caller, () -> recipients.recipients(school.uai(), placements));
    }

    private Sheet sheet(Recipient recipient) {
        return new Sheet(pile(recipient.pile()), school.name(), pages.ent(school),
                WrittenName.of(recipient.firstName(), recipient.lastName()), text("profile." + recipient.profile()),
                recipient.classes(), children(recipient.children()),
                recipient.login(), recipient.activated() ? null : recipient.activationCode().value(),
                pages.page(recipient), list.reminder());
    }

    private Pile pile(fr.rentree.directory.domain.Pile pile) {
        String key = pile.kind() + ":" + pile.name();
        String sheets = text("sheets.pile.sheets", pileSizes.getOrDefault(pile, 0));
        return switch (pile.kind()) {
            case ALL -> Pile.ALL;
            case CLASS -> {
                List<String> heads = headTeachers.getOrDefault(pile.name(), List.of());
                yield new Pile(key, text("sheets.pile.CLASS", pile.name()), heads.isEmpty() ? sheets
                        : text("sheets.pile.head-teacher", sheets, String.join(", ", heads)));
            }
            case WITHOUT_CLASS -> new Pile(key, text("sheets.pile.WITHOUT_CLASS"), sheets);
            case PROFILE -> new Pile(key, text("sheets.pile.PROFILE." + pile.name()), sheets);
        };
    }

    private @Nullable String children(List<Recipient.Child> children) {
        if (children.isEmpty()) {
            return null;
        }
        return children.stream()
                .map(child -> child.className() == null ? WrittenName.of(child.firstName(), child.lastName())
                        : text("sheets.child", WrittenName.of(child.firstName(), child.lastName()), child.className()))
                .collect(Collectors.joining(", "));
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
