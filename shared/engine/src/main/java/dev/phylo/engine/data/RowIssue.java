package dev.phylo.engine.data;

import java.util.Objects;

/**
 * One problem found in a CSV source: where it is and what is wrong.
 *
 * @param source the file or stream name, as shown in messages (e.g. {@code orcl.csv})
 * @param line   the 1-based line number, or 0 when the problem concerns the whole source
 * @param field  the column name as written in the header (or a role such as {@code time} when the
 *               file has no header), or {@code null} when the problem concerns the whole row
 * @param reason what is wrong, and where useful what was expected
 */
public record RowIssue(String source, long line, String field, String reason) {
    public RowIssue {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
        if (line < 0) {
            throw new IllegalArgumentException("line must be 0 (whole source) or positive: " + line);
        }
    }

    /** Reads like {@code orcl.csv line 17, field 'High': high 9.5 is below low 10.2}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(source);
        if (line > 0) {
            s.append(" line ").append(line);
        }
        if (field != null) {
            s.append(", field '").append(field).append('\'');
        }
        return s.append(": ").append(reason).toString();
    }
}
