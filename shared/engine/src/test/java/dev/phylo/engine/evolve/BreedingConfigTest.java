package dev.phylo.engine.evolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BreedingConfigTest {

    @Test
    void defaultsKeepTwoPercentElitesButAtLeastOne() {
        BreedingConfig cfg = BreedingConfig.defaults(500);

        assertThat(cfg).isEqualTo(new BreedingConfig(500, 3, 0.7, 0.1, 0.1, 10));
        assertThat(BreedingConfig.defaults(64).eliteCount()).isEqualTo(1);
        assertThat(BreedingConfig.defaults(1).eliteCount()).isEqualTo(1);
        assertThat(BreedingConfig.defaults(1000).eliteCount()).isEqualTo(20);
    }

    @Test
    void rejectsOutOfRangeSettingsNamingTheValue() {
        assertThatThrownBy(() -> new BreedingConfig(0, 3, 0.7, 0.1, 0.1, 0))
                .hasMessageContaining("populationSize must be >= 1: 0");
        assertThatThrownBy(() -> new BreedingConfig(10, 1, 0.7, 0.1, 0.1, 1))
                .hasMessageContaining("tournamentSize must be >= 2: 1");
        assertThatThrownBy(() -> new BreedingConfig(10, 3, 1.2, 0.1, 0.1, 1))
                .hasMessageContaining("crossoverProbability must be in [0, 1]: 1.2");
        assertThatThrownBy(() -> new BreedingConfig(10, 3, 0.7, Double.NaN, 0.1, 1))
                .hasMessageContaining("mutationProbability must be in [0, 1]: NaN");
        assertThatThrownBy(() -> new BreedingConfig(10, 3, 0.7, 0.1, 0, 1))
                .hasMessageContaining("mutationSigma must be in (0, 1]: 0.0");
        assertThatThrownBy(() -> new BreedingConfig(10, 3, 0.7, 0.1, 0.1, 11))
                .hasMessageContaining("eliteCount must be in [0, populationSize=10]: 11");
    }
}
