package dev.phylo.cli.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * A run's wall-clock time, step by step, and how long Neon's compute stays up: it wakes when a function connects
 * and suspends {@link PlanningFigures#NEON_SUSPEND_SECONDS} after the last connection. The database is used at the
 * start (health, seed), by persist after every generation, and by report at the end; evaluate, breed and validate
 * work on EFS only.
 *
 * @param seconds          the run from "Check health" to "Run succeeded"
 * @param neonSeconds      seconds Neon's compute is up because of the run
 */
record Timeline(double seconds, double neonSeconds) {

    /**
     * @param start      health and seed
     * @param map        one generation's Distributed Map (every wave of batches)
     * @param ramp       what Lambda's scaling adds to the first generation's map
     * @param persist    one persist invocation
     * @param breed      one breed invocation
     * @param validate   validate
     * @param report     report
     */
    static Timeline of(
            double start,
            double map,
            double ramp,
            double persist,
            double breed,
            int generations,
            double validate,
            double report) {
        List<double[]> touches = new ArrayList<>(); // {start, duration} of each use of the database
        double t = 0;
        touches.add(new double[] {t, start});
        t += start + ramp;
        for (int g = 0; g < generations; g++) {
            t += map;
            touches.add(new double[] {t, persist});
            t += persist;
            if (g < generations - 1) {
                t += breed;
            }
        }
        t += validate;
        touches.add(new double[] {t, report});
        t += report;
        double up = 0;
        for (int i = 0; i < touches.size(); i++) {
            double[] touch = touches.get(i);
            double untilSuspended = touch[1] + PlanningFigures.NEON_SUSPEND_SECONDS;
            up += i + 1 < touches.size() ? Math.min(touches.get(i + 1)[0] - touch[0], untilSuspended) : untilSuspended;
        }
        return new Timeline(t, up);
    }
}
