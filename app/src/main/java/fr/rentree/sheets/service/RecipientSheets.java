package fr.rentree.sheets.service;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

import fr.rentree.directory.domain.Recipient;
import fr.rentree.directory.domain.RecipientQuery;
import fr.rentree.directory.service.RecipientService;
import fr.rentree.reports.Pile;
import fr.rentree.reports.Sheet;
import fr.rentree.school.domain.School;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * The sheets of a selection, read from the database a page at a time while the PDF is written, each in the words
 * of the reader's language.
 */
final class RecipientSheets implements Iterator<Sheet> {

    private final RecipientService recipients;
    private final RecipientQuery query;
    private final School school;
    private final SheetSettings settings;
    private final MessageSource messages;
    private final Locale locale;
    private final int limit;
    private final Map<fr.rentree.directory.domain.Pile, Integer> pileSizes;
    private final Map<String, List<String>> headTeachers;
    private Iterator<Recipient> page = List.<Recipient>of().iterator();
    private int read;
    private boolean exhausted;

    /** At most {@code limit} sheets (a preview needs one page's worth). */
    RecipientSheets(RecipientService recipients, RecipientQuery query, School school, SheetSettings settings,
            MessageSource messages, Locale locale, int limit) {
        this.recipients = recipients;
        this.query = query;
        this.school = school;
        this.settings = settings;
        this.messages = messages;
        this.locale = locale;
        this.limit = limit;
        pileSizes = recipients.pileSizes(query);
        headTeachers = recipients.headTeachers(school.uai());
    }

    @Override
    public boolean hasNext() {
        if (read >= limit) {
            return false;
        }
        if (!page.hasNext() && !exhausted) {
            List<Recipient> next = recipients.recipients(query, read, RecipientService.PAGE);
            exhausted = next.size() < RecipientService.PAGE;
            page = next.iterator();
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

    private Sheet sheet(Recipient recipient) {
        String entUrl = school.entUrl() == null ? settings.activationPage().toString() : school.entUrl();
        URI page = recipient.activated() ? settings.passwordPage() : settings.activationPage();
        return new Sheet(pile(recipient.pile()), school.name(), entUrl,
                recipient.firstName() + " " + recipient.lastName(), text("profile." + recipient.profile()),
                recipient.classes(), children(recipient.children()),
                recipient.login(), recipient.activated() ? null : recipient.activationCode().value(),
                page + "?identifiant=" + URLEncoder.encode(recipient.login(), StandardCharsets.UTF_8));
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
                .map(child -> child.className() == null ? child.firstName() + " " + child.lastName()
                        : text("sheets.child", child.firstName() + " " + child.lastName(), child.className()))
                .collect(Collectors.joining(", "));
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
