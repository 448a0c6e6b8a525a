package dev.phylo.functions.report;

import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * The last steps of a run, one exported per deployment ({@code QUARKUS_FUNQY_EXPORT}): {@code validate} tests the
 * best strategies out of sample, {@code report} writes the report and marks the run succeeded, and {@code fail}
 * records a failed run.
 */
public class ReportFunctions {

    @Inject
    ValidationService validation;

    @Inject
    ReportService report;

    @Inject
    FailureService failure;

    @Funq
    public ValidationSummary validate(RunRequest request) {
        return validation.validate(request);
    }

    @Funq
    public ReportSummary report(RunRequest request) {
        return report.report(request);
    }

    @Funq
    public FailureRecorded fail(FailRequest request) {
        return failure.fail(request);
    }
}
