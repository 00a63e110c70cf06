package fr.rentree.tracking.domain;

import java.time.Instant;

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
 */
public record SchoolLine(String schoolUai, String schoolName, SchoolKind kind, @Nullable String commune,
                         boolean adopted, @Nullable Long campaignId, Phase phase, @Nullable Instant waitingSince,
                         @Nullable Instant lateSince, Rate all, Rate students, Rate parents, Rate teachers,
                         Rate staff) {

    public boolean late() {
        return lateSince != null;
    }
}
