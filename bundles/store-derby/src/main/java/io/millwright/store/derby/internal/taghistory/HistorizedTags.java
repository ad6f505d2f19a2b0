package io.millwright.store.derby.internal.taghistory;

import io.millwright.api.device.Device;
import io.millwright.api.device.TagStatus;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which tags of which devices are historized, with their deadbands: an immutable index device →
 * tag → {@link TagChangeFilter}, rebuilt from {@link Device#tags()} whenever a device service comes,
 * changes or goes. A tag that stays historized with the same deadband keeps its filter (and so its
 * last kept value) across rebuilds.
 */
final class HistorizedTags {

    static final HistorizedTags NONE = new HistorizedTags(Map.of(), List.of());
    /** The widths of tag_history's columns: longer names cannot be stored, so such tags are refused. */
    static final int MAX_DEVICE_ID = 256;
    static final int MAX_TAG = 512;

    private static final Logger LOG = LoggerFactory.getLogger(HistorizedTags.class);

    private final Map<String, Map<String, TagChangeFilter>> byDevice;
    private final List<String> refused;

    private HistorizedTags(Map<String, Map<String, TagChangeFilter>> byDevice, List<String> refused) {
        this.byDevice = byDevice;
        this.refused = refused;
    }

    /** The index for {@code devices}, reusing the filters of {@code previous} where a tag is unchanged. */
    static HistorizedTags of(Collection<Device> devices, HistorizedTags previous) {
        Map<String, Map<String, TagChangeFilter>> index = new HashMap<>();
        List<String> refused = new ArrayList<>();
        for (Device device : devices) {
            String id;
            List<TagStatus> tags;
            try {
                id = device.id();
                tags = device.tags();
            } catch (RuntimeException e) {
                LOG.warn("Cannot read the tags of device {} for tag history: {}", device, e.toString());
                continue;
            }
            for (TagStatus tag : tags) {
                if (!tag.historized()) {
                    continue;
                }
                if (id.length() > MAX_DEVICE_ID || tag.name().length() > MAX_TAG) {
                    refused.add(id + "/" + tag.name());
                    continue;
                }
                TagChangeFilter before = previous.filter(id, tag.name());
                TagChangeFilter filter = before != null && before.deadband() == tag.deadband() ? before
                        : new TagChangeFilter(tag.deadband(), before == null ? null : before.lastKept());
                index.computeIfAbsent(id, d -> new HashMap<>()).put(tag.name(), filter);
            }
        }
        if (!refused.isEmpty()) {
            LOG.warn("Tag history cannot keep {}: device ids longer than {} or tag names longer than {} characters",
                    refused, MAX_DEVICE_ID, MAX_TAG);
        }
        index.replaceAll((device, tags) -> Map.copyOf(tags));
        return new HistorizedTags(Map.copyOf(index), List.copyOf(refused));
    }

    /** The filter of a historized tag; null when the device is unknown or the tag not historized. */
    TagChangeFilter filter(String deviceId, String tag) {
        Map<String, TagChangeFilter> tags = byDevice.get(deviceId);
        return tags == null ? null : tags.get(tag);
    }

    /** The tags of {@code deviceId} that are historized, or null: lets a batch look its device up once. */
    Map<String, TagChangeFilter> tagsOf(String deviceId) {
        return byDevice.get(deviceId);
    }

    boolean isEmpty() {
        return byDevice.isEmpty();
    }

    int size() {
        int n = 0;
        for (Map<String, TagChangeFilter> tags : byDevice.values()) {
            n += tags.size();
        }
        return n;
    }

    /** Historized tags whose names are too long to store, as device/tag. */
    List<String> refused() {
        return refused;
    }
}
