package io.millwright.driver.modbus.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millwright.driver.modbus.internal.config.Area;
import io.millwright.driver.modbus.internal.config.RegisterOrder;
import io.millwright.driver.modbus.internal.config.TagDefinition;
import io.millwright.driver.modbus.internal.config.TagType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestPlannerTest {

    private static TagDefinition tag(String name, Area area, int address, TagType type, int registers) {
        return new TagDefinition(name, area, address, type, registers, 1, 0, 0, true, RegisterOrder.ABCD);
    }

    private static TagDefinition holding(String name, int address, TagType type) {
        return tag(name, Area.HOLDING, address, type, type.registers());
    }

    @Test
    void adjacentTagsOfOneAreaBecomeOneRequest() {
        List<TagDefinition> tags = List.of(holding("a", 0, TagType.UINT16), holding("b", 1, TagType.FLOAT32),
                holding("c", 3, TagType.FLOAT64));

        List<ReadBlock> plan = new RequestPlanner(125, 2000, 0).plan(tags);

        assertThat(plan).hasSize(1);
        assertThat(plan.get(0).start()).isZero();
        assertThat(plan.get(0).count()).isEqualTo(7);
        assertThat(plan.get(0).tags()).containsExactly(0, 1, 2);
    }

    @Test
    void aGapWithinMaxGapIsReadThroughAndALargerOneSplits() {
        List<TagDefinition> tags = List.of(holding("a", 0, TagType.UINT16), holding("b", 11, TagType.UINT16),
                holding("c", 23, TagType.UINT16));

        List<ReadBlock> plan = new RequestPlanner(125, 2000, 10).plan(tags);

        // 0 -> 11 leaves 10 unused registers (allowed); 11 -> 23 leaves 11 (too many)
        assertThat(plan).extracting(ReadBlock::start, ReadBlock::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 12), org.assertj.core.groups.Tuple.tuple(23, 1));
    }

    @Test
    void requestsNeverExceedMaxRegistersAndATagIsNeverCut() {
        List<TagDefinition> tags = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            tags.add(holding("f" + i, i * 2, TagType.FLOAT32));
        }

        List<ReadBlock> plan = new RequestPlanner(125, 2000, 10).plan(tags);

        assertThat(plan).hasSize(2);
        assertThat(plan).allSatisfy(b -> assertThat(b.count()).isLessThanOrEqualTo(125));
        assertThat(plan.get(0).count()).isEqualTo(124);
        assertThat(plan.get(1).start()).isEqualTo(124);
        assertThat(plan.stream().mapToInt(ReadBlock::tagCount).sum()).isEqualTo(100);
    }

    @Test
    void areasAreNeverMixedAndCoilsHonourMaxCoils() {
        List<TagDefinition> tags = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            tags.add(tag("c" + i, Area.COIL, i, TagType.BOOL, 1));
        }
        tags.add(tag("d", Area.DISCRETE, 0, TagType.BOOL, 1));
        tags.add(tag("i", Area.INPUT, 0, TagType.INT16, 1));
        tags.add(holding("h", 0, TagType.INT16));

        List<ReadBlock> plan = new RequestPlanner(125, 2000, 10).plan(tags);

        assertThat(plan).extracting(ReadBlock::area, ReadBlock::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Area.COIL, 2000), org.assertj.core.groups.Tuple.tuple(Area.COIL, 1000),
                org.assertj.core.groups.Tuple.tuple(Area.DISCRETE, 1), org.assertj.core.groups.Tuple.tuple(Area.HOLDING, 1),
                org.assertj.core.groups.Tuple.tuple(Area.INPUT, 1));
    }

    @Test
    void unsortedAndOverlappingTagsAreCoveredOnce() {
        List<TagDefinition> tags = List.of(holding("late", 50, TagType.UINT16), holding("word", 10, TagType.UINT32),
                holding("low", 11, TagType.UINT16), holding("early", 5, TagType.INT16));

        List<ReadBlock> plan = new RequestPlanner(125, 2000, 10).plan(tags);

        assertThat(plan).hasSize(2);
        assertThat(plan.get(0).start()).isEqualTo(5);
        assertThat(plan.get(0).count()).isEqualTo(7);
        assertThat(plan.get(0).tags()).containsExactly(3, 1, 2);
        assertThat(plan.get(1).tags()).containsExactly(0);
    }

    @Test
    void excludedTagsAreLeftOutAndTheRestReplanned() {
        List<TagDefinition> tags = List.of(holding("a", 0, TagType.UINT16), holding("bad", 1, TagType.UINT16),
                holding("b", 2, TagType.UINT16));

        List<ReadBlock> plan = new RequestPlanner(125, 2000, 0).plan(tags, Set.of(1));

        assertThat(plan).extracting(ReadBlock::start).containsExactly(0, 2);
    }

    @Test
    void coilGapsAreMaxGapRegistersWorthOfBits() {
        List<TagDefinition> tags = List.of(tag("a", Area.COIL, 0, TagType.BOOL, 1), tag("b", Area.COIL, 33, TagType.BOOL, 1),
                tag("c", Area.COIL, 100, TagType.BOOL, 1));

        assertThat(new RequestPlanner(125, 2000, 2).plan(tags)).hasSize(2);
    }

    @Test
    void limitsOutsideTheProtocolAreRejected() {
        assertThatThrownBy(() -> new RequestPlanner(126, 2000, 0)).hasMessageContaining("maxRegisters 126");
        assertThatThrownBy(() -> new RequestPlanner(125, 2001, 0)).hasMessageContaining("maxCoils 2001");
    }
}
