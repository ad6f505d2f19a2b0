package io.millwright.platform.internal;

import io.millwright.api.device.Device;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Every driver's devices in one place, for the protocol-neutral device commands. */
@Component(service = DeviceDirectory.class)
public class DeviceDirectory {

    private final List<Device> devices = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addDevice(Device device) {
        devices.add(device);
    }

    void removeDevice(Device device) {
        devices.remove(device);
    }

    /** Every registered device, by id. */
    public List<Device> all() {
        return devices.stream().sorted(Comparator.comparing(Device::id)).toList();
    }

    public Optional<Device> find(String id) {
        return devices.stream().filter(d -> d.id().equals(id)).findFirst();
    }
}
