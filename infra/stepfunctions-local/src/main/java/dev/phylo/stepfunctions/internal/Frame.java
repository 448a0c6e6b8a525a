package dev.phylo.stepfunctions.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A branch being run on one thread: its run, cancel token, event cursor and replay scope. The scope and a per-branch
 * call counter make the branch's random values ({@link #nextDigest()}) the same on every run.
 */
final class Frame implements Intrinsics.Env {

    final Run run;
    final CancelToken token;
    final Cursor cursor;
    final String scope;
    final AtomicLong seq = new AtomicLong();

    Frame(Run run, CancelToken token, Cursor cursor, String scope) {
        this.run = run;
        this.token = token;
        this.cursor = cursor;
        this.scope = scope;
    }

    @Override
    public byte[] nextDigest() {
        return Intrinsics.digest(run.name() + "|" + scope + "|" + seq.getAndIncrement());
    }

    void record(String type, ObjectNode details) {
        run.sink().record(cursor, type, details);
    }
}
