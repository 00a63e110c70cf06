package fr.rentree.campaign.domain;

import fr.rentree.directory.domain.Pile;

/** One pile of a round's sheets, as the director hands them out. */
public record PileStatus(Pile pile, int sheets, boolean handedOut) {
}
