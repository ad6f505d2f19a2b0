package io.millwright.core.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CounterTrackerTest {

    @Test
    void firstValueIsOnlyTheBaseline() {
        CounterTracker counter = new CounterTracker(32);
        assertThat(counter.update(48_213)).isZero();
        assertThat(counter.update(48_220)).isEqualTo(7);
    }

    @Test
    void aLowerValueStampedEarlierIsALateDeliveryNotAReset() {
        CounterTracker counter = new CounterTracker(32);
        counter.update(1_000, 10_000);
        assertThat(counter.update(1_050, 10_500)).isEqualTo(50);
        // a message from before the last one, redelivered after a reconnect
        assertThat(counter.update(1_020, 10_200)).as("late, ignored").isZero();
        assertThat(counter.lateValues()).isEqualTo(1);
        assertThat(counter.resets()).isZero();
        assertThat(counter.update(1_060, 10_600)).as("counts on from the last counted value").isEqualTo(10);
        // a real reset comes later than the last value
        assertThat(counter.update(3, 10_700)).isEqualTo(3);
        assertThat(counter.resets()).isEqualTo(1);
    }

    @Test
    void sixteenBitCounterRollsOverWithoutLosingParts() {
        CounterTracker counter = new CounterTracker(16);
        counter.update(65_530);
        assertThat(counter.update(4)).isEqualTo(10);
        assertThat(counter.rollovers()).isEqualTo(1);
        assertThat(counter.resets()).isZero();
    }

    @Test
    void sixteenBitValuesReadAsSignedAreTakenUnsigned() {
        CounterTracker counter = new CounterTracker(16);
        counter.update(-6);          // 65530 decoded as int16
        assertThat(counter.update(4)).isEqualTo(10);
    }

    @Test
    void thirtyTwoBitCounterRollsOver() {
        CounterTracker counter = new CounterTracker(32);
        counter.update(4_294_967_290L);
        assertThat(counter.update(5)).isEqualTo(11);
    }

    @Test
    void counterDroppingFarBelowIsAResetAndCountsFromZero() {
        CounterTracker counter = new CounterTracker(32);
        counter.update(1_000);
        assertThat(counter.update(3)).isEqualTo(3);
        assertThat(counter.resets()).isEqualTo(1);
        assertThat(counter.rollovers()).isZero();
    }

    @Test
    void sixtyFourBitCounterHasNoRolloverOnlyResets() {
        CounterTracker counter = new CounterTracker(64);
        counter.update(Long.MAX_VALUE - 1);
        assertThat(counter.update(2)).isEqualTo(2);
        assertThat(counter.resets()).isEqualTo(1);
    }

    @Test
    void restoredBaselineContinuesWithoutDoubleCounting() {
        CounterTracker counter = new CounterTracker(32);
        counter.restore(500);
        assertThat(counter.update(512)).isEqualTo(12);
    }

    @Test
    void unchangedValueCountsNothing() {
        CounterTracker counter = new CounterTracker(16);
        counter.update(7);
        assertThat(counter.update(7)).isZero();
    }

    @Test
    void onlyKnownWidths() {
        assertThatThrownBy(() -> new CounterTracker(24)).hasMessageContaining("24");
    }
}
