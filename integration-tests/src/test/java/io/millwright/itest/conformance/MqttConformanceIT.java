package io.millwright.itest.conformance;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/** The MQTT driver against the driver conformance kit. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class MqttConformanceIT extends DriverConformance {

    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        return distribution();
    }

    @Override
    protected ConformancePeer peer() {
        return new MqttPeer();
    }
}
