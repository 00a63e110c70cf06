package fr.rentree.campaign.domain;

import java.util.List;

import fr.rentree.reports.SheetLayout;

/** A round's sheets to hand out: its PDF (its model), and its piles ticked or not. */
public record HandOut(long campaignId, int round, boolean reminder, int sheets, SheetLayout layout,
        List<PileStatus> piles) {

    public HandOut {
        piles = List.copyOf(piles);
    }

    public boolean allHandedOut() {
        return piles.stream().allMatch(PileStatus::handedOut);
    }
}
