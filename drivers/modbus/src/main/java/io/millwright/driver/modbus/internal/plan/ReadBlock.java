package io.millwright.driver.modbus.internal.plan;

import io.millwright.driver.modbus.internal.config.Area;
import java.util.List;

/**
 * One read request of a poll: {@code count} registers (or bits) of {@code area} from {@code start},
 * covering the tags at {@code tagIndexes} (positions in the device's tag list).
 */
public record ReadBlock(Area area, int start, int count, int[] tagIndexes) {

    public ReadBlock {
        tagIndexes = tagIndexes.clone();
    }

    public int tagCount() {
        return tagIndexes.length;
    }

    public int tagIndex(int i) {
        return tagIndexes[i];
    }

    /** The tag indexes as a list, for tests and diagnostics. */
    public List<Integer> tags() {
        return java.util.Arrays.stream(tagIndexes).boxed().toList();
    }

    @Override
    public String toString() {
        return area.word() + " " + start + "+" + count + " (" + tagIndexes.length + " tags)";
    }
}
