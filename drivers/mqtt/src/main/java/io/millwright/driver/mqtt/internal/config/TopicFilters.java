package io.millwright.driver.mqtt.internal.config;

import io.millwright.driver.support.config.ConfigRefusedException;

/** MQTT topic filters: validation, and matching a topic against a filter with {@code +} and {@code #}. */
public final class TopicFilters {

    private TopicFilters() {
    }

    static void check(String key, String filter) throws ConfigRefusedException {
        if (filter.isEmpty() || filter.indexOf('\u0000') >= 0) {
            throw new ConfigRefusedException(key, "'" + filter + "' is not a topic filter");
        }
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
                throw new ConfigRefusedException(key, "'" + filter + "': '#' must be a whole level and the last one");
            }
            if (level.contains("+") && !level.equals("+")) {
                throw new ConfigRefusedException(key, "'" + filter + "': '+' must be a whole level");
            }
        }
    }

    /** Whether {@code topic} matches {@code filter} (MQTT 3.1.1 section 4.7; {@code $} topics only match explicitly). */
    public static boolean matches(String filter, String topic) {
        if (topic.startsWith("$") && (filter.startsWith("+") || filter.startsWith("#"))) {
            return false;
        }
        int f = 0;
        int t = 0;
        int fl = filter.length();
        int tl = topic.length();
        while (f < fl) {
            int fEnd = filter.indexOf('/', f);
            if (fEnd < 0) {
                fEnd = fl;
            }
            String level = filter.substring(f, fEnd);
            if (level.equals("#")) {
                return true;
            }
            if (t > tl) {
                return false;
            }
            int tEnd = topic.indexOf('/', t);
            if (tEnd < 0) {
                tEnd = tl;
            }
            if (!level.equals("+") && !level.equals(topic.substring(t, tEnd))) {
                return false;
            }
            f = fEnd + 1;
            t = tEnd + 1;
            if (f > fl) {
                return t > tl;
            }
            if (t > tl) {
                // the topic ended: only a trailing "/#" may still match (it matches the parent level)
                return filter.substring(f).equals("#");
            }
        }
        return t > tl;
    }
}
