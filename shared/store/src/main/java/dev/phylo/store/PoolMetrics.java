package dev.phylo.store;

import dev.phylo.telemetry.Emf;
import dev.phylo.telemetry.Metric;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connection pool as {@link Database} uses it, counted per invocation and emitted as one EMF line when the
 * invocation ends: {@value #ACTIVE}, {@value #IDLE} and {@value #FAILED} (docs/architecture.md, "Monitoring").
 *
 * <p>Vert.x's pool tells only how many connections it has open ({@code Pool.size()}), not how many are in use, so
 * {@link Database} counts a connection as held while its transaction's work runs: from the moment the pool hands it
 * over with the transaction begun until the work ends, just before the commit returns it to the pool. Connections
 * used outside {@link Database} (the health function's built-in datasource check) are not counted. An invocation is Funqy's request context, which it activates around every call on the JVM handler and in the
 * native poll loop alike; an invocation that never reached {@link Database} emits nothing.
 */
@ApplicationScoped
public class PoolMetrics {

    /** The most connections held at once during the invocation (at its end every one is back: the peak says more). */
    public static final String ACTIVE = "PoolActiveConnections";
    /** Connections open in the pool and not held when the invocation ended. */
    public static final String IDLE = "PoolIdleConnections";
    /** Transactions that never got to their work: no connection (refused, TLS, authentication, timeout) or no BEGIN. */
    public static final String FAILED = "FailedConnections";

    private final Pool pool;
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicBoolean used = new AtomicBoolean();

    public PoolMetrics(Pool pool) {
        this.pool = pool;
    }

    void attempted() {
        used.set(true);
    }

    void acquired() {
        int now = held.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
    }

    void released() {
        held.decrementAndGet();
    }

    void failed() {
        failed.incrementAndGet();
    }

    /** The counts since the last call; the next period starts from the connections held now. */
    public PoolUsage drain() {
        int now = held.get();
        return new PoolUsage(peak.getAndSet(now), Math.max(0, pool.size() - now), failed.getAndSet(0));
    }

    /** The end of an invocation; {@code IF_EXISTS}: an invocation that never used the database creates no pool. */
    void invocationEnded(
            @Observes(notifyObserver = Reception.IF_EXISTS) @BeforeDestroyed(RequestScoped.class) Object ignored) {
        if (used.getAndSet(false)) {
            PoolUsage usage = drain();
            Emf.emit(
                    List.of(
                            Metric.count(ACTIVE, usage.peakActive()),
                            Metric.count(IDLE, usage.idle()),
                            Metric.count(FAILED, usage.failedConnections())),
                    Map.of());
        }
    }
}
