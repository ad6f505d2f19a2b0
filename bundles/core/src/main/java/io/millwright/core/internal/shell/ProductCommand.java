package io.millwright.core.internal.shell;

import io.millwright.core.internal.runtime.MachineRuntime;
import io.millwright.core.internal.runtime.MachineSnapshot;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** Sets the product or work order a machine makes now, and with it the ideal cycle time. */
@Service
@Command(scope = "millwright", name = "product", description = "Sets the product a machine makes now (its ideal cycle time applies)")
public class ProductCommand implements Action {

    @Reference
    MachineRuntime runtime;

    @Argument(index = 0, name = "machine", required = true, description = "Machine id")
    @Completion(MachineIdCompleter.class)
    String machineId;

    @Argument(index = 1, name = "product", required = true, description = "Product or work order; '-' for none")
    String product;

    @Override
    public Object execute() {
        runtime.setProduct(machineId, "-".equals(product) ? "" : product);
        MachineSnapshot s = runtime.snapshot(machineId).orElseThrow();
        System.out.println(machineId + " makes " + (s.product().isEmpty() ? "(no product)" : s.product())
                + ", ideal cycle " + s.idealCycleTime().toMillis() / 1000.0 + " s");
        return null;
    }
}
