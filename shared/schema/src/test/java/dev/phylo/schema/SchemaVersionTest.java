package dev.phylo.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.store.SchemaVersion;
import org.junit.jupiter.api.Test;

class SchemaVersionTest {

    @Test
    void constantMatchesTheHighestBundledMigration() {
        assertThat(SchemaVersion.expected()).isEqualTo(Migrations.expectedVersion());
    }
}
