package io.millwright.store.derby.internal.taghistory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millwright.api.sample.Quality;
import io.millwright.api.sample.Sample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagChangeFilterTest {

    private long t;

    private Sample number(double v) {
        return Sample.ofDouble("press01", "temp", v, Quality.GOOD, null, ++t, t);
    }

    private List<Double> kept(TagChangeFilter filter, double... values) {
        List<Double> kept = new ArrayList<>();
        for (double v : values) {
            if (filter.keep(number(v))) {
                kept.add(v);
            }
        }
        return kept;
    }

    @Test
    void aNumberIsKeptWhenItMovedMoreThanTheDeadbandFromTheLastKeptValue() {
        TagChangeFilter filter = new TagChangeFilter(0.5, null);
        // creeping by 0.3: measured from the last kept value, not the last seen, so the drift is kept
        assertThat(kept(filter, 10.0, 10.3, 10.6, 10.9, 11.2, 11.2, 10.8, 10.6, 10.5))
                .containsExactly(10.0, 10.6, 11.2, 10.6);
    }

    @Test
    void exactlyTheDeadbandIsNotAChange() {
        TagChangeFilter filter = new TagChangeFilter(1.0, null);
        assertThat(kept(filter, 5.0, 6.0, 4.0, 3.5)).containsExactly(5.0, 3.5);
    }

    @Test
    void aZeroDeadbandKeepsEveryChangeButNoRepeat() {
        TagChangeFilter filter = new TagChangeFilter(0.0, null);
        assertThat(kept(filter, 1.0, 1.0, 1.000001, 1.000001, 2.0)).containsExactly(1.0, 1.000001, 2.0);
    }

    @Test
    void integersUseTheDeadbandToo() {
        TagChangeFilter filter = new TagChangeFilter(2, null);
        List<Long> kept = new ArrayList<>();
        for (long v : new long[] {100, 101, 102, 103, 99, 98}) {
            if (filter.keep(Sample.ofLong("press01", "count", v, Quality.GOOD, null, ++t, t))) {
                kept.add(v);
            }
        }
        assertThat(kept).containsExactly(100L, 103L, 99L);
    }

    @Test
    void booleansAndTextAreKeptOnAnyChange() {
        TagChangeFilter running = new TagChangeFilter(5, null);
        assertThat(running.keep(Sample.ofBoolean("p", "run", true, Quality.GOOD, null, 1, 1))).isTrue();
        assertThat(running.keep(Sample.ofBoolean("p", "run", true, Quality.GOOD, null, 2, 2))).isFalse();
        assertThat(running.keep(Sample.ofBoolean("p", "run", false, Quality.GOOD, null, 3, 3))).isTrue();

        TagChangeFilter recipe = new TagChangeFilter(5, null);
        assertThat(recipe.keep(Sample.ofString("p", "recipe", "A-12", Quality.GOOD, null, 1, 1))).isTrue();
        assertThat(recipe.keep(Sample.ofString("p", "recipe", "A-12", Quality.GOOD, null, 2, 2))).isFalse();
        assertThat(recipe.keep(Sample.ofString("p", "recipe", "A-13", Quality.GOOD, null, 3, 3))).isTrue();
    }

    @Test
    void aQualityChangeIsKeptEvenInsideTheDeadband() {
        TagChangeFilter filter = new TagChangeFilter(10, null);
        assertThat(filter.keep(number(20))).isTrue();
        assertThat(filter.keep(Sample.ofDouble("press01", "temp", 21, Quality.UNCERTAIN, "sensor drift", 5, 5)))
                .isTrue();
        assertThat(filter.keep(Sample.bad("press01", "temp", "timeout", 6, 6))).isTrue();
        assertThat(filter.keep(Sample.bad("press01", "temp", "timeout again", 7, 7))).isFalse();
        assertThat(filter.keep(number(21))).isTrue();
    }

    @Test
    void notANumberIsAChangeOnceEachWay() {
        TagChangeFilter filter = new TagChangeFilter(1, null);
        assertThat(kept(filter, 1.0, Double.NaN, Double.NaN, 1.0, Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY)).hasSize(4);
    }

    @Test
    void aDeadbandMustNotBeNegative() {
        assertThatThrownBy(() -> new TagChangeFilter(-1, null)).hasMessageContaining("deadband");
    }
}
