package io.millwright.core.internal.runtime;

import io.millwright.core.internal.model.ConfigRefusedException;
import io.millwright.core.internal.model.MachineDefinition;
import io.millwright.core.internal.model.MachineDefinitionParser;
import java.time.Instant;
import java.util.Map;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One machine configuration file: validates it and defines the machine in the runtime, or
 * refuses it by name while the other machines keep running. An edit applies at once.
 */
@Component(configurationPid = "io.millwright.machine", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = MachineConfig.class, factory = true)
public class MachineConfiguration {

    @Reference
    private MachineRuntime runtime;

    private String pid;
    private String machineId;

    @Activate
    void activate(MachineConfig config, Map<String, Object> properties) {
        pid = String.valueOf(properties.get(Constants.SERVICE_PID));
        apply(properties);
    }

    @Modified
    void modified(MachineConfig config, Map<String, Object> properties) {
        apply(properties);
    }

    @Deactivate
    void deactivate() {
        runtime.remove(pid, machineId);
    }

    private void apply(Map<String, Object> properties) {
        MachineDefinition definition;
        try {
            definition = MachineDefinitionParser.parse(properties);
        } catch (ConfigRefusedException e) {
            // the machine this file described (if any) stops; the refusal says why
            runtime.remove(pid, machineId);
            machineId = null;
            runtime.refuse(new RefusedConfiguration(pid, fileName(properties, pid), "machine", e.key(), e.value(),
                    e.getMessage(), Instant.now()));
            return;
        }
        if (machineId != null && !machineId.equals(definition.id())) {
            runtime.remove(pid, machineId);
        }
        machineId = runtime.define(pid, fileName(properties, pid), definition) ? definition.id() : null;
    }

    static String fileName(Map<String, Object> properties, String pid) {
        Object file = properties.get("felix.fileinstall.filename");
        if (file == null) {
            return pid;
        }
        String text = file.toString();
        return text.substring(text.lastIndexOf('/') + 1);
    }
}
