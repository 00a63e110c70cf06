package fr.rentree.campaign.domain;

import java.util.List;

/**
 * A round's sheets to hand out: the PDF being made or ready, and its piles.
 *
 * @param printed how many sheets the PDF holds so far
 */
public record HandOut(long campaignId, int round, boolean reminder, int sheets, int printed, boolean ready,
                      List<PileStatus> piles) {

    public HandOut {
        piles = List.copyOf(piles);
    }

    public boolean allHandedOut() {
        return piles.stream().allMatch(PileStatus::handedOut);
    }
}
