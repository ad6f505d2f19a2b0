package io.millwright.itest.conformance;

import org.junit.Test;
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

    @Test
    @Override
    public void thePeerGoesAwayAndComesBackWithoutThreadGrowth() throws Exception {
        super.thePeerGoesAwayAndComesBackWithoutThreadGrowth();
    }

    @Test
    @Override
    public void aSlowPeerTimesOutAndLeavesNoBacklog() throws Exception {
        super.aSlowPeerTimesOutAndLeavesNoBacklog();
    }

    @Test
    @Override
    public void onlyTheTagsThePeerRefusesAreBadWithTheReason() throws Exception {
        super.onlyTheTagsThePeerRefusesAreBadWithTheReason();
    }

    @Test
    @Override
    public void editingOneDeviceLeavesTheOthersAlone() throws Exception {
        super.editingOneDeviceLeavesTheOthersAlone();
    }

    @Test
    @Override
    public void theDriverIsUpdatedWhileDataFlows() throws Exception {
        super.theDriverIsUpdatedWhileDataFlows();
    }
}
