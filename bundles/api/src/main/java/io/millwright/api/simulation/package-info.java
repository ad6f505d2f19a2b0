/**
 * The simulated plant as protocol faces see it: each simulated machine's controller values
 * ({@link io.millwright.api.simulation.MachineSnapshot}) and the {@link io.millwright.api.simulation.SimulatedPlant}
 * service that tells a face which machines there are and how they change. The simulator bundle
 * provides the service; each face (OPC UA, later MQTT) is its own bundle, so installing one never
 * restarts the machines.
 */
@Version("1.0.0")
package io.millwright.api.simulation;

import org.osgi.annotation.versioning.Version;
