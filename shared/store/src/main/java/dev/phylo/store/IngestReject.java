package dev.phylo.store;

/** A row a lenient ingest dropped: its 1-based line in the file and why. */
public record IngestReject(long line, String reason) {}
