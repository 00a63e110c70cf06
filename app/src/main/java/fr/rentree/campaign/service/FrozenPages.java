package fr.rentree.campaign.service;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

import fr.rentree.campaign.domain.Channel;
import fr.rentree.campaign.domain.Deliveries;
import fr.rentree.campaign.domain.Delivery;
import fr.rentree.directory.domain.Placement;
import fr.rentree.directory.service.RecipientService;

/** A round's frozen sheets, a page at a time, read by keyset on their position while a PDF is written. */
final class FrozenPages implements Iterator<List<Placement>> {

    private final Deliveries deliveries;
    private final long roundId;
    private final Predicate<Delivery> kept;
    private int after;
    private List<Placement> next = List.of();
    private boolean exhausted;

    FrozenPages(Deliveries deliveries, long roundId, Predicate<Delivery> kept) {
        this.deliveries = deliveries;
        this.roundId = roundId;
        this.kept = kept;
    }

    @Override
    public boolean hasNext() {
        while (next.isEmpty() && !exhausted) {
            List<Delivery> page = deliveries.page(roundId, Channel.PAPER, after, RecipientService.PAGE);
            exhausted = page.isEmpty();
            if (!exhausted) {
                after = page.getLast().position();
                next = page.stream().filter(kept)
                        .map(d -> new Placement(d.accountId(), d.pile(), null)).toList();
            }
        }
        return !next.isEmpty();
    }

    @Override
    public List<Placement> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        List<Placement> page = next;
        next = List.of();
        return page;
    }
}
