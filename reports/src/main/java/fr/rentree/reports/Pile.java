package fr.rentree.reports;

import org.jspecify.annotations.Nullable;

/**
 * The sheets handed out together (one class's sheets, say). A pile with a title starts on a new page behind a
 * separator naming it, so the printed stack splits into piles without sorting.
 *
 * @param key    what makes two sheets belong to the same pile
 * @param title  the separator's title; null for no separator
 * @param detail the separator's second line (how many sheets, who hands them out); may be null
 */
public record Pile(String key, @Nullable String title, @Nullable String detail) {

    /** All the sheets as one pile, without a separator. */
    public static final Pile ALL = new Pile("", null, null);
}
