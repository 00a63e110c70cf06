package fr.rentree.tracking.domain;

import java.time.Instant;

import fr.rentree.campaign.domain.DeliveryTally;
import fr.rentree.school.domain.SchoolKind;
import org.jspecify.annotations.Nullable;

/**
 * A school of a district campaign as district staff follow it: counts and steps, never an account.
 *
 * @param adopted      the campaign is the school's own, which the district follows
 * @param campaignId   the school campaign followed there; none before its start ran
 * @param waitingSince since when it waits at its directors' step, when it waits at one
 * @param lateSince    since when that step is late, when it is
 * @param all          its accounts' activation, every profile
 * @param weekAgo      its activation a week ago, from that day's copy; none when there is no copy of that day
 * @param delivered    what its campaign delivered, e-mails and sheets
 * @param incidents    its failed steps waiting for a person
 */
public record SchoolLine(String schoolUai, String schoolName, SchoolKind kind, @Nullable String commune,
                         boolean adopted, @Nullable Long campaignId, Phase phase, @Nullable Instant waitingSince,
                         @Nullable Instant lateSince, Rate all, Rate students, Rate parents, Rate teachers,
                         Rate staff, @Nullable Rate weekAgo, DeliveryTally delivered, int incidents) {

    public boolean late() {
        return lateSince != null;
    }

    /** The change of its activation since a week ago, in points; none without both figures. */
    public @Nullable Integer trend() {
        if (weekAgo == null || weekAgo.percent().isEmpty() || all.percent().isEmpty()) {
            return null;
        }
        return all.percent().get() - weekAgo.percent().get();
    }

    /** The same line, with what the campaign feature and the engine tell of it. */
    public SchoolLine with(DeliveryTally delivered, int incidents) {
        return new SchoolLine(schoolUai, schoolName, kind, commune, adopted, campaignId, phase, waitingSince,
                lateSince, all, students, parents, teachers, staff, weekAgo, delivered, incidents);
    }
}
