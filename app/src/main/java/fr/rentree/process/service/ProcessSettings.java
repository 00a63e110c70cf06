package fr.rentree.process.service;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Settings the BPMN models read through expressions ({@code ${processSettings.retryCycle()}}). Public because the
 * engine's expression language calls it by reflection.
 */
@Component("processSettings")
public class ProcessSettings {

    private final String retryCycle;

    ProcessSettings(@Value("${rentree.process.retry-cycle}") String retryCycle) {
        this.retryCycle = retryCycle;
    }

    /**
     * How often a failed service step is tried before it becomes an incident, as an ISO-8601 repetition:
     * {@code R5/PT5M} means five attempts in all, five minutes apart.
     */
    public String retryCycle() {
        return retryCycle;
    }
}
