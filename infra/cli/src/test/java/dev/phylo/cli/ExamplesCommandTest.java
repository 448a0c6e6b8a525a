package dev.phylo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.engine.strategy.StrategySpecs;
import org.junit.jupiter.api.Test;

/** {@code phylo examples} lists the shipped strategies and prints each as a spec that parses. */
class ExamplesCommandTest {

    @Test
    void listsEveryExampleAndPrintsEachAsAValidSpec() {
        BacktestCommandTest.Run list = BacktestCommandTest.phylo("examples");
        assertThat(list.code()).isZero();
        String[] lines = list.out().strip().split("\n");
        assertThat(lines).hasSize(5);
        for (String line : lines) {
            String name = line.split("\\s+")[0];
            BacktestCommandTest.Run one = BacktestCommandTest.phylo("examples", name);
            assertThat(one.code()).as(name).isZero();
            assertThat(StrategySpecs.parse(one.out()).version()).isEqualTo(1);
        }
        BacktestCommandTest.Run unknown = BacktestCommandTest.phylo("examples", "nope");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("no example strategy 'nope'");
    }
}
