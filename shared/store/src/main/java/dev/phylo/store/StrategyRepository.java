package dev.phylo.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code strategies}: content-addressed, so an existing id is never rewritten. */
@ApplicationScoped
public class StrategyRepository {

    private static final String UPSERT = """
            INSERT INTO strategies (id, name, spec)
            SELECT u.id, u.name, u.spec::jsonb FROM unnest($1::text[], $2::text[], $3::text[]) AS u(id, name, spec)
            ON CONFLICT (id) DO NOTHING""";

    /**
     * Inserts the strategies not stored yet (duplicates in the input are dropped first), in statements of at most
     * {@value Chunked#ROWS_PER_STATEMENT}; returns how many.
     */
    public Uni<Integer> upsert(SqlConnection connection, Collection<StrategyRow> strategies) {
        Map<String, StrategyRow> unique = new LinkedHashMap<>();
        for (StrategyRow s : strategies) {
            unique.putIfAbsent(s.id(), s);
        }
        return Chunked.sequentially(List.copyOf(unique.values()), 0, slice -> insert(connection, slice), Integer::sum);
    }

    private static Uni<Integer> insert(SqlConnection connection, List<StrategyRow> strategies) {
        String[] ids = new String[strategies.size()];
        String[] names = new String[ids.length];
        String[] specs = new String[ids.length];
        int i = 0;
        for (StrategyRow s : strategies) {
            ids[i] = s.id();
            names[i] = s.name();
            specs[i++] = s.specJson();
        }
        return connection
                .preparedQuery(UPSERT)
                .execute(Tuple.tuple()
                        .addArrayOfString(ids)
                        .addArrayOfString(names)
                        .addArrayOfString(specs))
                .map(rows -> rows.rowCount());
    }
}
