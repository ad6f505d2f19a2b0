package io.millwright.core.internal.runtime;

import io.millwright.core.internal.model.SignalBinding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Device and tag to the machine signals they feed, built once per configuration change so that
 * a sample is routed with two hash lookups and no string work. Immutable.
 */
final class TagIndex {

    /** One machine signal fed by a tag. */
    static final class Target {
        final MachineSlot slot;
        final SignalBinding binding;

        Target(MachineSlot slot, SignalBinding binding) {
            this.slot = slot;
            this.binding = binding;
        }
    }

    static final TagIndex EMPTY = new TagIndex(Map.of());

    private final Map<String, Map<String, Target[]>> byDevice;

    private TagIndex(Map<String, Map<String, Target[]>> byDevice) {
        this.byDevice = byDevice;
    }

    static TagIndex of(Collection<MachineSlot> slots) {
        Map<String, Map<String, List<Target>>> building = new HashMap<>();
        for (MachineSlot slot : slots) {
            for (SignalBinding binding : slot.definition.bindings().values()) {
                building.computeIfAbsent(binding.deviceId(), d -> new HashMap<>())
                        .computeIfAbsent(binding.tag(), t -> new ArrayList<>())
                        .add(new Target(slot, binding));
            }
        }
        Map<String, Map<String, Target[]>> index = new HashMap<>();
        building.forEach((device, tags) -> {
            Map<String, Target[]> byTag = new HashMap<>();
            tags.forEach((tag, targets) -> byTag.put(tag, targets.toArray(new Target[0])));
            index.put(device, byTag);
        });
        return new TagIndex(index);
    }

    /** The signals a tag feeds, or null when no machine uses it. */
    Target[] lookup(String deviceId, String tag) {
        Map<String, Target[]> tags = byDevice.get(deviceId);
        return tags == null ? null : tags.get(tag);
    }

    int tagCount() {
        int count = 0;
        for (Map<String, Target[]> tags : byDevice.values()) {
            count += tags.size();
        }
        return count;
    }
}
