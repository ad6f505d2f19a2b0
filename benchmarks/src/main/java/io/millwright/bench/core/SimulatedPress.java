package io.millwright.bench.core;

import java.util.Map;

/**
 * One simulated press for the sample-sink benchmark: its machine configuration, and what its PLC
 * shows at each poll of a lap. A lap is periodic: the press runs at one part per poll, stops once
 * (idle or on a fault) and starts again, so that one lap can follow another without a step in the
 * values. Counter values are those of lap 0; each later lap adds {@link #totalPerLap()} and
 * {@link #rejectsPerLap()}.
 */
final class SimulatedPress {

    /** The tags every press is polled for, in the order a poll reads them. */
    static final String[] TAGS = {"running", "fault", "total", "rejects", "speed"};

    private static final int REJECT_EVERY = 40;

    final String id;
    final String device;
    private final int index;
    private final int lapPolls;
    private final int stopStart;
    private final int stopLength;
    private final long stopFault;
    private final long totalBase;
    private final long rejectBase;
    private final long[] partsUpTo;
    private final long[] rejectsUpTo;

    /**
     * @param number   1-based; names the press {@code pressNN} on device {@code plcNN}
     * @param lapPolls polls in one lap
     */
    SimulatedPress(int number, int lapPolls) {
        if (lapPolls < 40) {
            throw new IllegalArgumentException("a lap needs at least 40 polls, not " + lapPolls);
        }
        this.index = number - 1;
        this.id = String.format("press%02d", number);
        this.device = String.format("plc%02d", number);
        this.lapPolls = lapPolls;
        // stops spread over the lap, 8 to 24 polls long; a third of them idle (no fault code)
        this.stopStart = (index * 37 + 11) % lapPolls;
        this.stopLength = 8 + (index % 5) * 4;
        this.stopFault = index % 3 == 0 ? 0L : 100L + index % 7;
        // PLC counters with a history, so the first value is a baseline, not parts
        this.totalBase = 1_000_000L * (index % 4) + 1_000L * index;
        this.rejectBase = 10_000L * (index % 4) + 10L * index;
        this.partsUpTo = new long[lapPolls];
        this.rejectsUpTo = new long[lapPolls];
        long parts = 0;
        long rejects = 0;
        for (int poll = 0; poll < lapPolls; poll++) {
            if (running(poll)) {
                parts++;
                if ((poll + index) % REJECT_EVERY == 0) {
                    rejects++;
                }
            }
            partsUpTo[poll] = parts;
            rejectsUpTo[poll] = rejects;
        }
    }

    /** The machine configuration, as {@code etc/io.millwright.machine-pressNN.cfg} would hold it. */
    Map<String, Object> configuration() {
        return Map.of(
                "id", id,
                "running", device + "/running",
                "faultCode", device + "/fault",
                "totalCount", device + "/total",
                "rejectCount", device + "/rejects",
                "speed", device + "/speed scale(0.1)",
                "idealCycleTime", "1.0",
                "stalenessTimeout", "30");
    }

    boolean running(int poll) {
        return Math.floorMod(poll - stopStart, lapPolls) >= stopLength;
    }

    long faultCode(int poll) {
        return running(poll) ? 0L : stopFault;
    }

    /** The total counter as read at {@code poll} of lap 0: it counts the part made in that poll. */
    long total(int poll) {
        return totalBase + partsUpTo[poll];
    }

    long rejects(int poll) {
        return rejectBase + rejectsUpTo[poll];
    }

    /** Strokes per minute times ten, as the register holds it (the binding scales by 0.1). */
    long speedRegister(int poll) {
        return running(poll) ? 600L + (index % 3) * 10L : 0L;
    }

    long totalPerLap() {
        return partsUpTo[lapPolls - 1];
    }

    long rejectsPerLap() {
        return rejectsUpTo[lapPolls - 1];
    }

    /** Milliseconds after the start of a poll round at which this press is read. */
    long pollOffsetMillis() {
        return 2L * index;
    }
}
