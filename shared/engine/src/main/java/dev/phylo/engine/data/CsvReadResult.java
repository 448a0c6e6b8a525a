package dev.phylo.engine.data;

import java.util.List;
import java.util.Objects;

/**
 * What {@link CsvBarReader} read: the series and, in lenient mode, the rows it dropped (in file order).
 * In strict mode {@code dropped} is always empty, because the first bad row fails the read.
 */
public record CsvReadResult(BarSeries series, List<RowIssue> dropped) {
    public CsvReadResult {
        Objects.requireNonNull(series, "series");
        dropped = List.copyOf(dropped);
    }
}
