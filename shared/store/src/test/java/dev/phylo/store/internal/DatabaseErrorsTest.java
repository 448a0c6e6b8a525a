package dev.phylo.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.store.DatabaseException;
import dev.phylo.store.TransientDatabaseException;
import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class DatabaseErrorsTest {

    @Test
    void connectionFailuresAndWakeUpStatesAreTransient() {
        assertThat(DatabaseErrors.classify("probe", new ConnectException("Connection refused")))
                .isInstanceOf(TransientDatabaseException.class)
                .hasMessageContaining("cannot reach the database");
        for (String state : new String[] {"08006", "57P03", "53300", "40001", "40P01"}) {
            assertThat(DatabaseErrors.classify("probe", pg(state)))
                    .as(state)
                    .isInstanceOf(TransientDatabaseException.class);
        }
    }

    @Test
    void constraintAndSyntaxErrorsArePermanentAndNameTheOperationAndState() {
        DatabaseException unique = DatabaseErrors.classify("upsert market_data", pg("23505"));
        DatabaseException cancelled = DatabaseErrors.classify("sleep", pg("57014"));

        assertThat(unique)
                .isNotInstanceOf(TransientDatabaseException.class)
                .hasMessageStartingWith("upsert market_data failed")
                .hasMessageContaining("SQLSTATE 23505");
        assertThat(unique.sqlState()).isEqualTo("23505");
        assertThat(cancelled).isNotInstanceOf(TransientDatabaseException.class);
    }

    private static PgException pg(String state) {
        return new PgException("boom " + state, "ERROR", state, null);
    }
}
