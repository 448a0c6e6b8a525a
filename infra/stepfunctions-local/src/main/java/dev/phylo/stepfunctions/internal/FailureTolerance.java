package dev.phylo.stepfunctions.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How many failed items a Distributed Map tolerates, as resolved for one run: a percentage, a count (more than
 * either fails the Map), or neither (no failure is tolerated).
 */
record FailureTolerance(Double percentage, Long count) {

    /** The Map's ToleratedFailurePercentage(Path) and ToleratedFailureCount(Path), paths read from its input. */
    static FailureTolerance of(Model.MapState s, JsonNode eff, JsonNode ctx) {
        Model.Tolerance t = s.tolerance();
        Double pct = t.percentage();
        if (t.percentagePath() != null) {
            JsonNode v = DataFlowSteps.read(s, "ToleratedFailurePercentagePath", t.percentagePath(), eff, ctx);
            if (!v.isNumber() || v.doubleValue() < 0 || v.doubleValue() > 100) {
                throw StatesError.runtime("state \"" + s.name() + "\": field ToleratedFailurePercentagePath: '"
                        + t.percentagePath().text() + "' must select a number between 0 and 100 but selected "
                        + v);
            }
            pct = v.doubleValue();
        }
        Long count = t.count();
        if (t.countPath() != null) {
            count = DataFlowSteps.integerAt(
                    s, "ToleratedFailureCountPath", t.countPath(), eff, ctx, 0, Integer.MAX_VALUE);
        }
        return new FailureTolerance(pct, count);
    }

    boolean exceededBy(int failed, int total) {
        if (failed == 0) {
            return false;
        }
        if (percentage == null && count == null) {
            return true;
        }
        if (count != null && failed > count) {
            return true;
        }
        return percentage != null && failed * 100.0 / total > percentage;
    }

    /** For the cause of a failed Map run, e.g. "tolerated: 1 item(s) or 10.0%". */
    String describe() {
        if (percentage == null && count == null) {
            return "no failures are tolerated";
        }
        return "tolerated: " + (count != null ? count + " item(s)" : "")
                + (count != null && percentage != null ? " or " : "") + (percentage != null ? percentage + "%" : "");
    }
}
