package fr.rentree.campaign.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import fr.rentree.base.FieldsRefused;
import org.jspecify.annotations.Nullable;

/**
 * What a director decides when launching a campaign. A plan that breaks a rule is refused with what is wrong by
 * field ({@link FieldsRefused}: {@link #NAME}, {@link #DEADLINE}, {@link #TARGET}, {@link #CADENCE}), for the form to
 * say it under each field.
 *
 * @param deadline      after this day no reminder is sent: the campaign ends with its summary
 * @param targetPercent the share of activated accounts at which the campaign ends, in percent
 * @param cadence       the time between a distribution and the next count of activations
 */
public record CampaignPlan(String name, LocalDate deadline, int targetPercent, Duration cadence) {

    public static final String NAME = "name";
    public static final String DEADLINE = "deadline";
    public static final String TARGET = "target";
    public static final String CADENCE = "cadence";
    /** The longest wait the launch form offers between two rounds. */
    public static final int MAX_CADENCE_DAYS = 60;

    public CampaignPlan {
        name = name.strip();
        Objects.requireNonNull(deadline, "deadline");
        Map<String, String> problems = new LinkedHashMap<>();
        if (name.isEmpty()) {
            problems.put(NAME, "campaigns.name.required");
        }
        if (targetPercent < 1 || targetPercent > 100) {
            problems.put(TARGET, "campaigns.target.invalid");
        }
        if (cadence.isNegative() || cadence.isZero()) {
            problems.put(CADENCE, "campaigns.cadence.invalid");
        }
        if (!problems.isEmpty()) {
            throw new FieldsRefused("Campaign plan", problems);
        }
    }

    /**
     * The plan of a launch form, whose fields may be empty: everything wrong is refused at once, a deadline before
     * today included (the service checks that again).
     */
    public static CampaignPlan of(@Nullable String name, @Nullable LocalDate deadline, @Nullable Integer targetPercent,
                                  @Nullable Integer cadenceDays, LocalDate today) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (name == null || name.isBlank()) {
            problems.put(NAME, "campaigns.name.required");
        }
        if (deadline == null) {
            problems.put(DEADLINE, "campaigns.deadline.required");
        } else if (deadline.isBefore(today)) {
            problems.put(DEADLINE, "campaigns.deadline.past");
        }
        if (targetPercent == null || targetPercent < 1 || targetPercent > 100) {
            problems.put(TARGET, "campaigns.target.invalid");
        }
        if (cadenceDays == null || cadenceDays < 1 || cadenceDays > MAX_CADENCE_DAYS) {
            problems.put(CADENCE, "campaigns.cadence.invalid");
        }
        if (!problems.isEmpty()) {
            throw new FieldsRefused("Campaign plan", problems);
        }
        return new CampaignPlan(name, deadline, targetPercent, Duration.ofDays(cadenceDays));
    }

    /**
     * Refuses a deadline before today: the campaign would launch and end at its first count.
     *
     * @throws FieldsRefused on {@link #DEADLINE}
     */
    public void requireDeadlineFrom(LocalDate today) {
        if (deadline.isBefore(today)) {
            throw new FieldsRefused("Campaign plan", Map.of(DEADLINE, "campaigns.deadline.past"));
        }
    }
}
