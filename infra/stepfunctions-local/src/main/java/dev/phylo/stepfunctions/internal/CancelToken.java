package dev.phylo.stepfunctions.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Cooperative cancellation of a tree of work (execution, Map run, iteration, child execution).
 * Cancelling a token cancels its descendants and interrupts the threads registered with them.
 */
public final class CancelToken {
    public enum Kind {
        /** Execution.abort(). */
        ABORT,
        /** An execution (or EXPRESS child execution) ran past its time limit. */
        TIMEOUT,
        /** A sibling failed: the enclosing Map/Parallel stops its other iterations/branches. */
        SIBLING_FAILED,
        /** The execution ended (for instance by reaching the history event limit). */
        ENDED
    }

    /** Why and where cancellation started. */
    public static final class Reason {
        public final Kind kind;
        public final CancelToken origin;
        public final String message;

        Reason(Kind kind, CancelToken origin, String message) {
            this.kind = kind;
            this.origin = origin;
            this.message = message;
        }
    }

    /** Thrown out of work whose token was cancelled. */
    public static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;
        public final transient Reason reason;

        Cancelled(Reason reason) {
            super(reason.kind + ": " + reason.message, null, false, false);
            this.reason = reason;
        }
    }

    private final CancelToken parent;
    private final List<CancelToken> children = new ArrayList<>();
    private final Set<Thread> threads = new HashSet<>();
    private volatile Reason reason;

    private CancelToken(CancelToken parent) {
        this.parent = parent;
    }

    public static CancelToken root() {
        return new CancelToken(null);
    }

    public CancelToken child() {
        CancelToken c = new CancelToken(this);
        Reason r;
        synchronized (this) {
            r = reason;
            if (r == null) {
                children.add(c);
            }
        }
        if (r != null) {
            c.propagate(r);
        }
        return c;
    }

    /** Detach a finished child so long runs do not accumulate tokens. */
    public void release(CancelToken child) {
        synchronized (this) {
            children.remove(child);
        }
    }

    public void cancel(Kind kind, String message) {
        propagate(new Reason(kind, this, message));
    }

    private void propagate(Reason r) {
        List<CancelToken> kids;
        synchronized (this) {
            if (reason != null) {
                return;
            }
            reason = r;
            kids = new ArrayList<>(children);
            for (Thread t : threads) {
                t.interrupt();
            }
        }
        for (CancelToken k : kids) {
            k.propagate(r);
        }
    }

    public boolean cancelled() {
        return reason != null;
    }

    public Reason reason() {
        return reason;
    }

    /** Throws {@link Cancelled} if this token was cancelled. */
    public void check() {
        Reason r = reason;
        if (r != null) {
            throw new Cancelled(r);
        }
    }

    /** Registers the current thread: cancelling interrupts it until {@link #leave()}. */
    public void enter() {
        Thread t = Thread.currentThread();
        boolean interrupt;
        synchronized (this) {
            threads.add(t);
            interrupt = reason != null;
        }
        if (interrupt) {
            t.interrupt();
        }
    }

    /** Unregisters the current thread and clears an interrupt this token may have delivered. */
    public void leave() {
        synchronized (this) {
            threads.remove(Thread.currentThread());
        }
        Thread.interrupted();
    }

    public CancelToken parent() {
        return parent;
    }
}
