package dev.phylo.stepfunctions.internal;

/** Per-branch pointer to the last event recorded, for the previousEventId of the next one. */
final class Cursor {

    long last;

    Cursor(long last) {
        this.last = last;
    }
}
