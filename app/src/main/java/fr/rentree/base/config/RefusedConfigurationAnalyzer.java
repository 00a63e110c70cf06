package fr.rentree.base.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a {@link RefusedConfiguration} as what to change, not as a stack trace. */
class RefusedConfigurationAnalyzer extends AbstractFailureAnalyzer<RefusedConfiguration> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RefusedConfiguration cause) {
        return new FailureAnalysis(cause.description(), cause.action(), cause);
    }
}
