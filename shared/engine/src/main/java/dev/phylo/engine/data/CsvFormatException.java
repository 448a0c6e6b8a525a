package dev.phylo.engine.data;

import java.util.Objects;

/** A CSV source that cannot be read as a bar series. The message names file, line, field and reason. */
public final class CsvFormatException extends RuntimeException {
    private final RowIssue issue;

    public CsvFormatException(RowIssue issue) {
        super(Objects.requireNonNull(issue, "issue").toString());
        this.issue = issue;
    }

    public CsvFormatException(RowIssue issue, Throwable cause) {
        super(Objects.requireNonNull(issue, "issue").toString(), cause);
        this.issue = issue;
    }

    public RowIssue issue() {
        return issue;
    }

    public String file() {
        return issue.source();
    }
    /** 1-based line number, or 0 when the problem concerns the whole source. */
    public long line() {
        return issue.line();
    }
    /** Column name, or {@code null} when the problem concerns a whole row or the whole source. */
    public String field() {
        return issue.field();
    }

    public String reason() {
        return issue.reason();
    }
}
