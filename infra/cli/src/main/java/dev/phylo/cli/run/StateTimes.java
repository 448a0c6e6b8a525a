package dev.phylo.cli.run;

import dev.phylo.stepfunctions.HistoryEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Wall time spent in each state, summed over its visits, from an execution's history (…Entered to …Exited). */
final class StateTimes {

    private StateTimes() {}

    static Map<String, Duration> of(List<HistoryEvent> history) {
        Map<String, java.time.Instant> entered = new HashMap<>();
        Map<String, Duration> total = new LinkedHashMap<>();
        for (HistoryEvent e : history) {
            String name = e.details() == null ? null : e.details().path("name").asText(null);
            if (name == null) {
                continue;
            }
            if (e.type().endsWith("StateEntered")) {
                entered.put(name, e.timestamp());
            } else if (e.type().endsWith("StateExited") && entered.containsKey(name)) {
                total.merge(name, Duration.between(entered.remove(name), e.timestamp()), Duration::plus);
            }
        }
        return total;
    }
}
