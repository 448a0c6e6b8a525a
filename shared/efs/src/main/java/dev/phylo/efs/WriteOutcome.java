package dev.phylo.efs;

/** What an atomic write did to its target. */
public enum WriteOutcome {
    /** The file did not exist and now does. */
    CREATED,
    /** The file existed with other bytes and was replaced atomically. */
    REPLACED,
    /** The file already held exactly these bytes; nothing was written. */
    UNCHANGED
}
