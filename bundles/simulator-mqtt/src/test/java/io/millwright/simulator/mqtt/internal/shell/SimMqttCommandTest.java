package io.millwright.simulator.mqtt.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millwright.simulator.mqtt.internal.MqttFace;
import io.millwright.simulator.mqtt.internal.MqttFaceConfig;
import io.millwright.simulator.mqtt.internal.MqttFaceSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimMqttCommandTest {

    private final StubFace face = new StubFace();

    @Test
    void showsBrokerStateMessagesAndEachMachinesTopicsButNeverThePassword() throws Exception {
        face.connected = true;
        face.published = 1234;

        String out = run(null);

        assertThat(out).contains("MQTT publisher tcp://127.0.0.1:1883 as millwright-simulator (user sim)")
                .contains("JSON on millwright/sim/<machine> and Sparkplug B as Millwright/simulator")
                .contains(": connected, 1234 messages published")
                .contains("press01 | millwright/sim/press01 | Millwright/simulator/press01")
                .doesNotContain("s3cret");
    }

    @Test
    void saysWhyItIsNotConnectedAndTakesDownAndUpOnCommand() throws Exception {
        face.problem = "connection to tcp://127.0.0.1:1883 lost: Connection lost";
        assertThat(run(null)).contains(": not connected: connection to tcp://127.0.0.1:1883 lost");

        assertThat(run("down")).contains(": down, 0 messages published");
        assertThat(face.down).isTrue();
        run("up");
        assertThat(face.down).isFalse();
        assertThatThrownBy(() -> run("sideways")).hasMessageContaining("say down or up");
    }

    @Test
    void withoutAFileItSaysHowToMakeOne() throws Exception {
        SimMqttCommand command = new SimMqttCommand();
        assertThat(capture(command)).contains("create etc/io.millwright.simulator.mqtt.cfg");
    }

    private String run(String direction) throws Exception {
        SimMqttCommand command = new SimMqttCommand();
        command.face = face;
        command.direction = direction;
        return capture(command);
    }

    private static String capture(SimMqttCommand command) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            command.execute();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The shell's view of a face, set by each test. */
    private static final class StubFace implements MqttFace {
        boolean connected;
        boolean down;
        long published;
        String problem = "";

        @Override
        public Optional<MqttFaceSettings> settings() {
            Map<String, String> values = Map.of("username", "sim", "password", "s3cret");
            MqttFaceConfig config = (MqttFaceConfig) Proxy.newProxyInstance(MqttFaceConfig.class.getClassLoader(),
                    new Class<?>[] {MqttFaceConfig.class}, (proxy, method, args) -> values.containsKey(method.getName())
                            ? values.get(method.getName()) : method.getDefaultValue());
            return Optional.of(MqttFaceSettings.from(config));
        }

        @Override
        public boolean isConnected() {
            return connected && !down;
        }

        @Override
        public boolean isDown() {
            return down;
        }

        @Override
        public String problem() {
            return down ? "" : problem;
        }

        @Override
        public long messagesPublished() {
            return down ? 0 : published;
        }

        @Override
        public List<String> machineIds() {
            return down ? List.of() : List.of("press01");
        }

        @Override
        public void setUp(boolean up) {
            down = !up;
        }
    }
}
