package dev.phylo.efs;

import dev.phylo.efs.internal.Checks;
import java.util.List;

/**
 * The folds of a walk-forward run: {@code runs/<runId>/folds.json}. Each fold is a run of its own (its own plan,
 * generations and validation under {@code runs/<fold runId>/}) that evolves on its training window and is tested on the
 * window after it; the test windows follow one another without gap or overlap, so the fold winners' out-of-sample
 * results stitch into one out-of-sample history (docs/architecture.md, decision 18).
 *
 * @param runId the parent run
 * @param anchored true: every training window starts at the first bar; false: each is the window before its test
 * @param folds in time order, at least one
 */
public record WalkForwardPlan(String runId, boolean anchored, List<Fold> folds) {

    /**
     * One fold: trained on {@code [trainFrom, testFrom)}, tested on {@code [testFrom, testTo)}; epoch milliseconds.
     *
     * @param fold 1-based, in time order
     */
    public record Fold(int fold, String runId, long trainFrom, long testFrom, long testTo) {
        public Fold {
            Checks.runId(runId);
            if (fold < 1) {
                throw new IllegalArgumentException("fold must be >= 1: " + fold);
            }
            if (!(trainFrom < testFrom && testFrom < testTo)) {
                throw new IllegalArgumentException("fold %d: expected trainFrom < testFrom < testTo: %d, %d, %d"
                        .formatted(fold, trainFrom, testFrom, testTo));
            }
        }
    }

    public WalkForwardPlan {
        Checks.runId(runId);
        folds = Checks.list("folds", folds);
        if (folds.isEmpty()) {
            throw new IllegalArgumentException("folds must hold at least one fold");
        }
        for (int i = 0; i < folds.size(); i++) {
            Fold f = folds.get(i);
            if (f.fold() != i + 1) {
                throw new IllegalArgumentException("fold " + (i + 1) + " is numbered " + f.fold());
            }
            if (i > 0 && f.testFrom() != folds.get(i - 1).testTo()) {
                throw new IllegalArgumentException("fold %d's test window starts at %d, not where fold %d's ends (%d)"
                        .formatted(f.fold(), f.testFrom(), i, folds.get(i - 1).testTo()));
            }
        }
    }
}
