package dev.phylo.store;

import dev.phylo.store.internal.DatabaseErrors;
import dev.phylo.telemetry.Emf;
import dev.phylo.telemetry.Metric;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Every database call goes through here: one transaction, a per-transaction statement timeout
 * ({@code set_config('statement_timeout', …, true)}, the {@code SET LOCAL} that PgBouncer's transaction mode allows),
 * failures sorted into transient and permanent, and SmallRye Fault Tolerance around it all.
 *
 * <p>Retries cover connection loss and Neon waking from scale-to-zero (hundreds of ms to seconds): exponential
 * backoff from 200 ms, doubling up to 5 s, with ±150 ms jitter, at most 6 retries. Every attempt counts in the
 * circuit breaker's window, so the window (20 attempts, open at 80 % failures) is wide enough that one wake-up's
 * refused attempts do not open it, while a real outage does within a few calls. Callers only pass idempotent work
 * (upserts on natural keys), so a retried transaction changes nothing twice. Override any of it through
 * configuration, e.g. {@code quarkus.fault-tolerance."dev.phylo.store.Database/transaction".retry.max-retries=10}.
 *
 * <p>Each attempt's wall time is emitted as the EMF metric {@code DatabaseLatencyMs} (the alarm's source), and each
 * attempt counts in {@link PoolMetrics}: a connection held while the work runs, or a failed connection when the
 * transaction failed before its work began.
 */
@ApplicationScoped
public class Database {

    private final Pool pool;
    private final PoolMetrics metrics;
    private final String statementTimeoutMillis;

    /** Outside CDI (the benchmarks): the pool's counts go to a {@link PoolMetrics} of its own. */
    public Database(Pool pool, Duration statementTimeout) {
        this(pool, new PoolMetrics(pool), statementTimeout);
    }

    @Inject
    public Database(
            Pool pool,
            PoolMetrics metrics,
            @ConfigProperty(name = "phylo.db.statement-timeout", defaultValue = "60s") Duration statementTimeout) {
        this.pool = pool;
        this.metrics = metrics;
        this.statementTimeoutMillis = Long.toString(statementTimeout.toMillis());
    }

    /**
     * Runs {@code work} in one transaction. {@code operation} names it in errors ("upsert market_data").
     * The work function may be called more than once (retries): it must build a fresh {@link Uni} each time.
     */
    @Retry(
            retryOn = TransientDatabaseException.class,
            maxRetries = 6,
            delay = 200,
            jitter = 150,
            maxDuration = 60,
            durationUnit = ChronoUnit.SECONDS)
    @ExponentialBackoff(factor = 2, maxDelay = 5000)
    @Timeout(value = 120, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(
            requestVolumeThreshold = 20,
            failureRatio = 0.8,
            delay = 10,
            delayUnit = ChronoUnit.SECONDS,
            failOn = TransientDatabaseException.class)
    public <T> Uni<T> transaction(String operation, Function<SqlConnection, Uni<T>> work) {
        long[] start = new long[1];
        // withTransaction calls the function with a connection and its transaction begun: reaching it means held, and
        // the hold ends with the work, before the pool takes the connection back and may hand it to the next caller
        boolean[] held = new boolean[1];
        return pool.withTransaction(connection -> {
                    held[0] = true;
                    metrics.acquired();
                    return connection
                            .preparedQuery("SELECT set_config('statement_timeout', $1, true)")
                            .execute(Tuple.of(statementTimeoutMillis))
                            .flatMap(ignored -> work.apply(connection))
                            .onTermination()
                            .invoke(metrics::released);
                })
                .onSubscription()
                .invoke(() -> {
                    start[0] = System.nanoTime();
                    held[0] = false;
                    metrics.attempted();
                })
                .onFailure()
                .invoke(failure -> {
                    if (!held[0]) {
                        metrics.failed();
                    }
                })
                .onItemOrFailure()
                .invoke((item, failure) -> Emf.emit(
                        List.of(Metric.millis("DatabaseLatencyMs", (System.nanoTime() - start[0]) / 1e6)),
                        Map.of("operation", operation, "ok", failure == null)))
                .onFailure()
                .transform(failure -> DatabaseErrors.classify(operation, failure));
    }

    /** {@link #transaction} and wait: functions run on the Lambda poll thread, never on an event loop. */
    public <T> T await(String operation, Function<SqlConnection, Uni<T>> work) {
        return transaction(operation, work).await().indefinitely();
    }
}
