package dev.phylo.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phylo.engine.data.ColumnMapping.Column;
import org.junit.jupiter.api.Test;

class ColumnMappingTest {

    @Test
    void parsesHeaderNames() {
        ColumnMapping m = ColumnMapping.parse("time=Date, open=Open,high=High,low=Low,close=Close,volume=Vol");
        assertThat(m.time()).isEqualTo(Column.named("Date"));
        assertThat(m.date()).isNull();
        assertThat(m.volume()).isEqualTo(Column.named("Vol"));
        assertThat(m.usesNames()).isTrue();
    }

    @Test
    void parsesIndexesAndLeavesVolumeOptional() {
        ColumnMapping m = ColumnMapping.parse("time=0,open=1,high=2,low=3,close=4");
        assertThat(m.close()).isEqualTo(Column.at(4));
        assertThat(m.volume()).isNull();
        assertThat(m.usesNames()).isFalse();
    }

    @Test
    void toStringParsesBackToTheSameMapping() {
        ColumnMapping m = ColumnMapping.parse("date=Day,time=1,open=O,high=H,low=L,close=C,volume=5");
        assertThat(ColumnMapping.parse(m.toString())).isEqualTo(m);
        assertThat(m.toString()).isEqualTo("date=Day,time=1,open=O,high=H,low=L,close=C,volume=5");
    }

    @Test
    void rejectsAMappingWithoutClose() {
        assertThatThrownBy(() -> ColumnMapping.parse("time=0,open=1,high=2,low=3"))
                .hasMessageStartingWith("column mapping lacks close:");
    }

    @Test
    void rejectsAMappingWithoutTime() {
        assertThatThrownBy(() -> ColumnMapping.parse("open=1,high=2,low=3,close=4"))
                .hasMessageStartingWith("column mapping lacks time (or date):");
    }

    @Test
    void rejectsUnknownKeys() {
        assertThatThrownBy(() -> ColumnMapping.parse("time=0,price=1"))
                .hasMessage(
                        "column mapping 'time=0,price=1': unknown key 'price', expected one of date, time, open, high, low, close, volume");
    }

    @Test
    void rejectsRepeatedKeys() {
        assertThatThrownBy(() -> ColumnMapping.parse("time=0,time=1"))
                .hasMessage("column mapping 'time=0,time=1': key 'time' is given twice");
    }

    @Test
    void rejectsPairsWithoutEqualsOrColumn() {
        assertThatThrownBy(() -> ColumnMapping.parse("time=0,open"))
                .hasMessage("column mapping 'time=0,open': 'open' is not key=column");
        assertThatThrownBy(() -> ColumnMapping.parse("time=,open=1"))
                .hasMessage("column mapping 'time=,open=1': key 'time' has no column");
        assertThatThrownBy(() -> ColumnMapping.parse(" ")).hasMessageStartingWith("empty column mapping");
    }
}
