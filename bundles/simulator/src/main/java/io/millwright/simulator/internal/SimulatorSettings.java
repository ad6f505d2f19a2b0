package io.millwright.simulator.internal;

import io.millwright.simulator.internal.model.InvalidSettingException;
import io.millwright.simulator.internal.model.MachineProfile;
import io.millwright.simulator.internal.modbus.ModbusEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One simulated machine's configuration, checked: a value that cannot be used is refused with
 * an {@link InvalidSettingException} naming its key.
 *
 * @param modbus {@code null} when the machine has no Modbus face
 */
record SimulatorSettings(String id, long seed, MachineProfile profile, long startTotal, long startReject,
        int tickMs, ModbusEndpoint modbus) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]+");
    private static final long UINT32_MAX = 0xFFFF_FFFFL;

    static SimulatorSettings from(SimulatorConfig c) {
        String id = c.id() == null ? "" : c.id().trim();
        if (!ID.matcher(id).matches()) {
            throw new InvalidSettingException("id", id, "a machine id is letters, digits, '.', '_' or '-' (and required)");
        }
        String seedText = c.seed().trim();
        // String.hashCode is specified, so a derived seed is the same in every JVM
        long seed = seedText.isEmpty() ? id.hashCode() : whole("seed", seedText, Long.MIN_VALUE, Long.MAX_VALUE);
        MachineProfile profile = new MachineProfile(
                number("cycleTimeMs", c.cycleTimeMs()),
                number("cycleJitter", c.cycleJitter()),
                number("rejectRate", c.rejectRate()),
                number("faultsPerHour", c.faultsPerHour()),
                number("meanFaultSeconds", c.meanFaultSeconds()),
                faultCodes(c.faultCodes()),
                number("minorStopsPerHour", c.minorStopsPerHour()),
                number("meanMinorStopSeconds", c.meanMinorStopSeconds()),
                number("starvationsPerHour", c.starvationsPerHour()),
                number("meanStarvationSeconds", c.meanStarvationSeconds()),
                number("firstFaultAfterSeconds", c.firstFaultAfterSeconds()));
        long startTotal = whole("startTotal", c.startTotal(), 0, UINT32_MAX);
        long startReject = whole("startReject", c.startReject(), 0, UINT32_MAX);
        int tickMs = (int) whole("tickMs", c.tickMs(), 1, 60_000);
        ModbusEndpoint modbus = null;
        if (flag("modbus.enabled", c.modbus_enabled())) {
            String address = c.modbus_address().trim();
            if (address.isEmpty()) {
                throw new InvalidSettingException("modbus.address", address, "an address to listen on is needed, e.g. 127.0.0.1");
            }
            modbus = new ModbusEndpoint(address,
                    (int) whole("modbus.port", c.modbus_port(), 1, 65_535),
                    (int) whole("modbus.unitId", c.modbus_unitId(), 0, 255),
                    (int) whole("modbus.maxConnections", c.modbus_maxConnections(), 1, 64));
        }
        return new SimulatorSettings(id, seed, profile, startTotal, startReject, tickMs, modbus);
    }

    private static double number(String key, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(key, text, "is not a number");
        }
    }

    private static long whole(String key, String text, long min, long max) {
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(key, text, "is not a whole number");
        }
        if (value < min || value > max) {
            throw new InvalidSettingException(key, text, "must be from " + min + " to " + max);
        }
        return value;
    }

    private static boolean flag(String key, String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidSettingException(key, text, "must be true or false");
        };
    }

    private static List<Integer> faultCodes(String text) {
        List<Integer> codes = new ArrayList<>();
        for (String part : text.split("[;,]")) {
            if (!part.isBlank()) {
                codes.add((int) whole("faultCodes", part, 1, 65_535));
            }
        }
        return codes;
    }
}
