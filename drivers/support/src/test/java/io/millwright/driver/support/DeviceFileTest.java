package io.millwright.driver.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.millwright.api.device.Device;
import io.millwright.api.device.DeviceStatus;
import io.millwright.driver.support.config.ConfigRefusedException;
import io.millwright.driver.support.config.DeviceProperties;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DeviceFileTest {

    private final FakeBundleContext bundle = new FakeBundleContext();
    private final DeviceRegistry<DriverDevice> devices = new DeviceRegistry<>("fake") {
    };
    private final List<FakeDevice> created = new ArrayList<>();
    private final List<String> announced = new ArrayList<>();

    /** Settings are just the id; a {@code port} key above 65535 is refused. */
    private final DeviceFactory<String, DriverDevice> factory = new DeviceFactory<>() {
        @Override
        public String parse(Map<String, Object> properties) throws ConfigRefusedException {
            DeviceProperties p = new DeviceProperties(properties);
            String id = p.id();
            p.intValue("port", 502, 1, 65535);
            return id;
        }

        @Override
        public String id(String settings) {
            return settings;
        }

        @Override
        public DriverDevice create(String settings, StatusListener listener) {
            FakeDevice d = new FakeDevice(settings);
            created.add(d);
            return d.device;
        }

        @Override
        public void started(String settings, DriverDevice device) {
            announced.add(settings + (created.get(created.size() - 1).started ? " started" : " not started"));
        }
    };

    private DeviceFile<String, DriverDevice> file() {
        return new DeviceFile<>("Fake", "fake-tcp", devices, factory, LoggerFactory.getLogger(DeviceFileTest.class));
    }

    private static Map<String, Object> properties(String pid, String id) {
        Map<String, Object> p = new HashMap<>();
        p.put("service.pid", pid);
        p.put("felix.fileinstall.filename", "file:/opt/etc/io.millwright.driver.fake-" + id + ".cfg");
        p.put("id", id);
        return p;
    }

    @Test
    void aValidFileRunsItsDeviceAndRegistersItsServiceWithStatusFollowing() {
        DeviceFile<String, DriverDevice> file = file();

        file.activate(bundle.context(), properties("pid-a", "press01"));

        FakeDevice fake = created.get(0);
        DriverDevice device = fake.device;
        assertThat(fake.started).isTrue();
        assertThat(announced).containsExactly("press01 started");
        assertThat(devices.find("press01")).isSameAs(device);
        assertThat(bundle.live()).singleElement().satisfies(r -> {
            assertThat(r.device).isSameAs(device);
            assertThat(r.properties).containsEntry(Device.PROP_ID, "press01")
                    .containsEntry(Device.PROP_PROTOCOL, "fake-tcp")
                    .containsEntry(Device.PROP_STATUS, "CONNECTING").containsEntry(Device.PROP_REPORTING, "polled");
        });
    }

    @Test
    void theServiceStatusPropertyFollowsTheDevice() {
        DeviceServiceRegistration registration = new DeviceServiceRegistration("press01", "fake-tcp");
        registration.register(bundle.context(), new FakeDevice("press01").device);

        registration.statusChanged(DeviceStatus.ONLINE);
        assertThat(bundle.live().get(0).properties).containsEntry(Device.PROP_STATUS, "ONLINE");

        registration.unregister();
        registration.statusChanged(DeviceStatus.OFFLINE);
        registration.unregister();
        assertThat(bundle.live()).isEmpty();
    }

    @Test
    void aRefusedFileIsRegisteredOfflineUnderItsIdAndReportedByFileName() {
        Map<String, Object> p = properties("pid-a", "press01");
        p.put("port", "70000");

        file().activate(bundle.context(), p);

        assertThat(created).isEmpty();
        String message = "configuration refused: port: 70000 must be 1 to 65535";
        assertThat(devices.refusals()).singleElement()
                .isEqualTo(new DeviceRegistry.Refusal("pid-a", "io.millwright.driver.fake-press01.cfg", message));
        assertThat(bundle.live()).singleElement().satisfies(r -> {
            assertThat(r.device.status()).isEqualTo(DeviceStatus.OFFLINE);
            assertThat(r.device.statusDetail()).isEqualTo(message);
            assertThat(r.device.protocol()).isEqualTo("fake-tcp");
            assertThat(r.properties).containsEntry(Device.PROP_ID, "press01").containsEntry(Device.PROP_STATUS, "OFFLINE");
        });
    }

    @Test
    void aRefusedFileWithoutAUsableIdIsOnlyReported() {
        Map<String, Object> p = properties("pid-a", "press01");
        p.put("id", "-bad id");
        p.remove("felix.fileinstall.filename");

        file().activate(bundle.context(), p);

        assertThat(bundle.live()).isEmpty();
        assertThat(devices.refusals()).singleElement().satisfies(r -> {
            assertThat(r.file()).isEqualTo("pid-a");
            assertThat(r.message()).isEqualTo("configuration refused: id: '-bad id' must be letters, digits, '.', '_', '-'");
        });
    }

    @Test
    void aSecondFileWithTheSameIdIsRefusedNamingTheOwner() {
        file().activate(bundle.context(), properties("pid-a", "press01"));

        file().activate(bundle.context(), properties("pid-b", "press01"));

        assertThat(created).hasSize(1);
        assertThat(bundle.live()).hasSize(1);
        assertThat(devices.refusals()).singleElement().satisfies(r -> {
            assertThat(r.pid()).isEqualTo("pid-b");
            assertThat(r.message()).isEqualTo("configuration refused: id: 'press01' is already used by pid-a");
        });
    }

    @Test
    void anEditStopsTheRunningDeviceAndStartsTheNewOne() {
        DeviceFile<String, DriverDevice> file = file();
        file.activate(bundle.context(), properties("pid-a", "press01"));

        file.modified(properties("pid-a", "press09"));

        assertThat(created.get(0).stopped).isTrue();
        assertThat(created.get(1).started).isTrue();
        assertThat(devices.ids()).containsExactly("press09");
        assertThat(bundle.live()).singleElement().satisfies(r -> assertThat(r.device.id()).isEqualTo("press09"));
    }

    @Test
    void deactivateStopsTheDeviceAndForgetsTheFile() {
        DeviceFile<String, DriverDevice> file = file();
        Map<String, Object> p = properties("pid-a", "press01");
        file.activate(bundle.context(), p);

        file.deactivate();

        assertThat(created.get(0).stopped).isTrue();
        assertThat(bundle.live()).isEmpty();
        assertThat(devices.ids()).isEmpty();
        assertThat(devices.claim("press01", "pid-b")).isTrue();
    }

    @Test
    void theFileIsNamedWithoutItsFolderOrByPidWhenNotFromFileInstall() {
        assertThat(DeviceFile.fileName(Map.of("felix.fileinstall.filename", "file:/opt/etc/x-1.cfg"), "pid"))
                .isEqualTo("x-1.cfg");
        assertThat(DeviceFile.fileName(Map.of(), "pid")).isEqualTo("pid");
    }
}
