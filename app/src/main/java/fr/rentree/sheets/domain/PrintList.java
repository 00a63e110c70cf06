package fr.rentree.sheets.domain;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import fr.rentree.directory.domain.Pile;
import fr.rentree.directory.domain.Placement;
import fr.rentree.directory.service.RecipientService;

/**
 * The sheets to print, as a list fixed before printing starts: their placements a page at a time (from memory, or
 * read by keyset from a campaign's frozen list), and how many sheets each pile holds.
 *
 * @param reminder a campaign's reminder round: each sheet of an account still to activate says so
 */
public record PrintList(Iterator<List<Placement>> pages, Map<Pile, Integer> pileSizes, boolean reminder) {

    /** A list read whole (a print from the sheets screen), handed out a page at a time. */
    public static PrintList of(List<Placement> placements) {
        Map<Pile, Integer> sizes = new LinkedHashMap<>();
        placements.forEach(placement -> sizes.merge(placement.pile(), 1, Integer::sum));
        int page = RecipientService.PAGE;
        return new PrintList(IntStream.iterate(0, from -> from < placements.size(), from -> from + page)
                .mapToObj(from -> placements.subList(from, Math.min(from + page, placements.size()))).iterator(),
                sizes, false);
    }
}
