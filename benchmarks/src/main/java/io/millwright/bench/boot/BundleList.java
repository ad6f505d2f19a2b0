package io.millwright.bench.boot;

import java.util.ArrayList;
import java.util.List;

/**
 * The output of {@code bundle:list -t 0 --no-format}: one tab-separated row per bundle
 * (id, state, start level, version, name), after a "START LEVEL" header line.
 */
record BundleList(List<Row> rows) {

    /** One bundle; Karaf appends ", Hosts: n" to the name of a fragment attached to host n. */
    record Row(long id, String state, String name) {

        boolean isAttachedFragment() {
            return name.contains(", Hosts: ");
        }

        /** Active, or for a fragment (which never starts) Resolved and attached to its host. */
        boolean isStarted() {
            return "Active".equals(state) || "Resolved".equals(state) && isAttachedFragment();
        }
    }

    static BundleList parse(String output) {
        List<Row> rows = new ArrayList<>();
        for (String line : output.split("\\R")) {
            String[] fields = line.split("\t");
            if (fields.length < 5 || !fields[0].trim().matches("\\d+")) {
                continue;
            }
            rows.add(new Row(Long.parseLong(fields[0].trim()), fields[1].trim(), fields[4].trim()));
        }
        return new BundleList(List.copyOf(rows));
    }

    /** True when the list holds bundles and every one of them is started. */
    boolean allStarted() {
        return !rows.isEmpty() && rows.stream().allMatch(Row::isStarted);
    }

    int size() {
        return rows.size();
    }

    /** The bundles holding boot up, for the message when it never completes. */
    List<Row> notStarted() {
        return rows.stream().filter(row -> !row.isStarted()).toList();
    }
}
