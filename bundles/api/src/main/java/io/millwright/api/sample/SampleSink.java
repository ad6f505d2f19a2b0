package io.millwright.api.sample;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where drivers hand their samples. Samples never travel over EventAdmin; this call is the hot
 * path.
 *
 * <p>Drivers hand every batch to every registered sink (a dynamic, multiple reference): the core
 * registers one, the store's tag historian another. A sink therefore ignores samples it has no
 * use for, cheaply.
 */
@ProviderType
public interface SampleSink {

    /**
     * Takes a batch of samples, usually everything one poll or one message produced.
     *
     * <p>The sink copies what it keeps and does not hold on to the list after returning, so a
     * driver may clear and reuse it for its next batch. The call may block briefly when the sink
     * is behind; it never throws for a sample it cannot map (those are counted instead).
     *
     * @param samples the batch, in the order the driver read them
     */
    void accept(List<Sample> samples);
}
