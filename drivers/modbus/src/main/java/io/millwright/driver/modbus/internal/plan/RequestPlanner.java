package io.millwright.driver.modbus.internal.plan;

import io.millwright.driver.modbus.internal.config.Area;
import io.millwright.driver.modbus.internal.config.TagDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Coalesces a device's tags into the fewest read requests: per area, tags sorted by address are
 * joined while the request stays within its size limit and the unused run between two tags is no
 * longer than the largest gap. Greedy on sorted intervals gives the fewest requests for these two
 * constraints.
 */
public final class RequestPlanner {

    /** Bits per register: the gap limit for bit areas is {@code maxGap} registers' worth of bits. */
    private static final int BITS_PER_REGISTER = 16;

    private final int maxRegisters;
    private final int maxCoils;
    private final int maxGap;

    public RequestPlanner(int maxRegisters, int maxCoils, int maxGap) {
        if (maxRegisters < 1 || maxRegisters > 125 || maxCoils < 1 || maxCoils > 2000 || maxGap < 0) {
            throw new IllegalArgumentException("limits out of range: maxRegisters " + maxRegisters
                    + ", maxCoils " + maxCoils + ", maxGap " + maxGap);
        }
        this.maxRegisters = maxRegisters;
        this.maxCoils = maxCoils;
        this.maxGap = maxGap;
    }

    /** Plans every tag. */
    public List<ReadBlock> plan(List<TagDefinition> tags) {
        return plan(tags, Set.of());
    }

    /** Plans the tags whose index is not in {@code excluded} (tags the device refused to serve). */
    public List<ReadBlock> plan(List<TagDefinition> tags, Set<Integer> excluded) {
        List<ReadBlock> blocks = new ArrayList<>();
        for (Area area : Area.values()) {
            List<Integer> indexes = new ArrayList<>();
            for (int i = 0; i < tags.size(); i++) {
                if (tags.get(i).area() == area && !excluded.contains(i)) {
                    indexes.add(i);
                }
            }
            indexes.sort(Comparator.<Integer>comparingInt(i -> tags.get(i).address()).thenComparingInt(i -> i));
            coalesce(area, tags, indexes, blocks);
        }
        return blocks;
    }

    private void coalesce(Area area, List<TagDefinition> tags, List<Integer> sorted, List<ReadBlock> out) {
        int limit = area.isBits() ? maxCoils : maxRegisters;
        int gapLimit = area.isBits() ? maxGap * BITS_PER_REGISTER : maxGap;
        int start = -1;
        int end = -1;
        List<Integer> members = new ArrayList<>();
        for (int index : sorted) {
            TagDefinition tag = tags.get(index);
            int newEnd = Math.max(end, tag.lastAddress());
            boolean fits = start >= 0 && tag.address() - end - 1 <= gapLimit && newEnd - start + 1 <= limit;
            if (!fits) {
                flush(area, start, end, members, out);
                start = tag.address();
                newEnd = tag.lastAddress();
            }
            end = newEnd;
            members.add(index);
        }
        flush(area, start, end, members, out);
    }

    private static void flush(Area area, int start, int end, List<Integer> members, List<ReadBlock> out) {
        if (!members.isEmpty()) {
            out.add(new ReadBlock(area, start, end - start + 1, members.stream().mapToInt(Integer::intValue).toArray()));
            members.clear();
        }
    }
}
