package dev.phylo.schema;

import dev.phylo.store.SchemaVersion;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaVersionTest {

    @Test
    void constantMatchesTheHighestBundledMigration() {
        assertThat(SchemaVersion.expected()).isEqualTo(Migrations.expectedVersion());
    }
}
