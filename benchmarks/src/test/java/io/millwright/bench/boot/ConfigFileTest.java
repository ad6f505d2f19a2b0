package io.millwright.bench.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfigFileTest {

    @Test
    void replacesTheUncommentedLineOnly() {
        String cfg = "# sshPort = 1\nsshPort = 8101\nsshHost = 0.0.0.0\n";

        assertThat(ConfigFile.withValue(cfg, "sshPort", "40123"))
                .isEqualTo("# sshPort = 1\nsshPort = 40123\nsshHost = 0.0.0.0\n");
    }

    @Test
    void appendsAMissingKey() {
        assertThat(ConfigFile.withValue("a = 1", "sshHost", "127.0.0.1")).isEqualTo("a = 1\nsshHost = 127.0.0.1\n");
    }

    @Test
    void keyIsNotAPrefixOfALongerKey() {
        assertThat(ConfigFile.withValue("sshPortRange = 5\n", "sshPort", "7"))
                .isEqualTo("sshPortRange = 5\nsshPort = 7\n");
    }
}
