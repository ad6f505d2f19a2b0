package io.millwright.simulator.internal;

import static io.millwright.simulator.internal.ConfigFixture.config;
import static io.millwright.simulator.internal.ConfigFixture.properties;

import java.util.LinkedHashMap;
import java.util.Map;

/** A plant of fast, fault-free simulated machines without Modbus, for tests of what follows the machines. */
public final class TestPlant implements AutoCloseable {

    private final PlantRegistry plant = new PlantRegistry();
    private final Map<String, SimulatedMachineComponent> components = new LinkedHashMap<>();

    public PlantRegistry plant() {
        return plant;
    }

    /** Adds a machine making a part every {@code cycleTimeMs}, ticking every 5 ms. */
    public SimulatedMachine add(String id, double cycleTimeMs) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("id", id);
        values.put("cycleTimeMs", String.valueOf(cycleTimeMs));
        values.put("tickMs", "5");
        values.put("faultsPerHour", "0");
        values.put("minorStopsPerHour", "0");
        values.put("starvationsPerHour", "0");
        values.put("modbus.enabled", "false");
        SimulatedMachineComponent component = new SimulatedMachineComponent();
        component.plant = plant;
        component.activate(config(values), properties("io.millwright.simulator." + id, values));
        components.put(id, component);
        return component.machine();
    }

    public void remove(String id) {
        components.remove(id).deactivate();
    }

    @Override
    public void close() {
        components.values().forEach(SimulatedMachineComponent::deactivate);
        components.clear();
    }
}
