package fr.rentree.tasks.service;

import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.grpc.Status;

/** Reads the engine's refusals, over gRPC (engine 8.6) or REST (8.8+ clusters) alike. */
final class EngineAnswers {

    private EngineAnswers() {
    }

    /** The engine has no such job: it was completed, or its process instance was cancelled. */
    static boolean jobNotFound(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ClientStatusException status && status.getStatusCode() == Status.Code.NOT_FOUND) {
                return true;
            }
            if (t instanceof ProblemException problem && problem.code() == 404) {
                return true;
            }
        }
        return false;
    }
}
