package fr.rentree.campaign.domain;

import fr.rentree.directory.domain.DistributionOrder;
import fr.rentree.directory.domain.ParentPlacement;
import fr.rentree.reports.SheetLayout;

/** What the director chooses once the list is verified: the order of the sheets, their model, and the mode. */
public record Distribution(DistributionOrder order, ParentPlacement parents, SheetLayout layout,
                           DistributionMode mode) {
}
