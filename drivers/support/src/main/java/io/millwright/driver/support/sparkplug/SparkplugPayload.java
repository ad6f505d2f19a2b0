package io.millwright.driver.support.sparkplug;

import java.util.List;

/**
 * A decoded Sparkplug B payload.
 *
 * @param timestamp epoch ms, or -1
 * @param seq       the sequence number 0..255, or -1 when absent (NDEATH)
 * @param metrics   the metrics in message order
 */
public record SparkplugPayload(long timestamp, long seq, List<SparkplugMetric> metrics) {

    public SparkplugPayload {
        metrics = List.copyOf(metrics);
    }
}
