package io.millwright.simulator.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.millwright.api.simulation.ControllerStatus;
import io.millwright.api.simulation.MachineSnapshot;
import io.millwright.api.simulation.StopCause;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MachineFeedTest {

    private final MachineFeed feed = new MachineFeed();

    @Test
    void changesCoalesceToTheLatestSnapshot() {
        feed.machineAdded("press01", snapshot(1));
        for (int total = 2; total <= 100; total++) {
            feed.machineChanged("press01", snapshot(total));
        }

        List<MachineFeed.Event> events = drain();
        assertThat(events).singleElement().isInstanceOfSatisfying(MachineFeed.Added.class,
                a -> assertThat(a.latest().get().totalCount()).isEqualTo(100));
    }

    @Test
    void aMachineReplacedUnderItsIdIsRemovedThenAddedAndTheOldOneHearsNoMore() {
        feed.machineAdded("press01", snapshot(5));
        feed.machineRemoved("press01");
        feed.machineAdded("press01", snapshot(0));
        feed.machineChanged("press01", snapshot(1));

        List<MachineFeed.Event> events = drain();
        assertThat(events).hasSize(3);
        MachineFeed.Added first = (MachineFeed.Added) events.get(0);
        MachineFeed.Added second = (MachineFeed.Added) events.get(2);
        assertThat(events.get(1)).isEqualTo(new MachineFeed.Removed("press01"));
        assertThat(first.latest().get().totalCount()).isEqualTo(5);
        assertThat(second.latest().get().totalCount()).isEqualTo(1);
    }

    @Test
    void forgettingAllRemovesEveryMachineOnce() {
        feed.machineAdded("a", snapshot(1));
        feed.machineAdded("b", snapshot(1));
        drain();

        feed.forgetAll();
        feed.machineChanged("a", snapshot(2));

        assertThat(drain()).containsExactlyInAnyOrder(new MachineFeed.Removed("a"), new MachineFeed.Removed("b"));
        assertThat(feed.machineIds()).isEmpty();
    }

    private List<MachineFeed.Event> drain() {
        List<MachineFeed.Event> events = new ArrayList<>();
        feed.drain(events::add);
        return events;
    }

    private static MachineSnapshot snapshot(long total) {
        return new MachineSnapshot(total, ControllerStatus.RUNNING, StopCause.NONE, 0, total, 0, 60, false);
    }
}
