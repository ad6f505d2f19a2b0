package io.millwright.simulator.internal;

import io.millwright.api.simulation.MachineSnapshot;
import io.millwright.simulator.internal.model.InvalidSettingException;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulator configuration file ({@code etc/io.millwright.simulator-<name>.cfg}): runs its
 * simulated machine, with its own ticker thread and Modbus server, from activation to
 * deactivation. An edit replaces the machine, carrying its counters over when the id stays.
 * A file with a mistake is refused by key, and the other machines keep running.
 */
@Component(configurationPid = "io.millwright.simulator", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = SimulatorConfig.class, factory = true)
public class SimulatedMachineComponent {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedMachineComponent.class);

    @Reference
    PlantRegistry plant;

    /** Wall-clock milliseconds; a field so that a test can drive the ticker's sense of time. */
    LongSupplier clock = System::currentTimeMillis;

    private String pid;
    private SimulatedMachine machine;

    @Activate
    void activate(SimulatorConfig config, Map<String, Object> properties) {
        pid = String.valueOf(properties.get(Constants.SERVICE_PID));
        start(config, properties, null, null);
    }

    @Modified
    void modified(SimulatorConfig config, Map<String, Object> properties) {
        String previousId = machine == null ? null : machine.id();
        MachineSnapshot previous = machine == null ? null : machine.snapshot();
        // the old machine's port is closed before the new one binds it
        stop();
        start(config, properties, previousId, previous);
    }

    @Deactivate
    void deactivate() {
        stop();
    }

    /** The machine this file runs, or {@code null} while refused. */
    SimulatedMachine machine() {
        return machine;
    }

    /** Starts the configured machine; counters continue from {@code previous} if it had the same id. */
    private void start(SimulatorConfig config, Map<String, Object> properties, String previousId,
            MachineSnapshot previous) {
        SimulatorSettings settings;
        try {
            settings = SimulatorSettings.from(config);
        } catch (InvalidSettingException e) {
            refuse(properties, e);
            return;
        }
        Optional<String> owner = plant.simulatedBy(settings.id()).filter(other -> !other.equals(pid));
        if (owner.isPresent()) {
            // refused before a ticker thread or a Modbus port exists for it
            refuse(properties, new InvalidSettingException("id", settings.id(),
                    "machine id already simulated by " + owner.get()));
            return;
        }
        boolean carryOver = previous != null && settings.id().equals(previousId);
        SimulatedMachine created = new SimulatedMachine(settings, clock,
                carryOver ? previous.totalCount() : settings.startTotal(),
                carryOver ? previous.rejectCount() : settings.startReject());
        Optional<String> clash = plant.add(pid, created);
        if (clash.isPresent()) {
            created.close();
            refuse(properties, new InvalidSettingException("id", settings.id(),
                    "machine id already simulated by " + clash.get()));
            return;
        }
        machine = created;
        LOG.info("simulator {}: running (seed {}, cycle {} ms){}", settings.id(), settings.seed(),
                settings.profile().cycleTimeMs(), settings.modbus() == null ? "" : ", Modbus TCP on " + settings.modbus());
    }

    private void refuse(Map<String, Object> properties, InvalidSettingException e) {
        String file = fileName(properties, pid);
        LOG.error("simulator configuration {} refused: {}", file, e.getMessage());
        plant.refuse(new RefusedSimulation(pid, file, e.key(), e.value(), e.getMessage()));
    }

    private void stop() {
        if (machine != null) {
            machine.close();
            machine = null;
        }
        plant.remove(pid);
    }

    private static String fileName(Map<String, Object> properties, String pid) {
        Object file = properties.get("felix.fileinstall.filename");
        if (file == null) {
            return pid;
        }
        String text = file.toString();
        return text.substring(text.lastIndexOf('/') + 1);
    }
}
