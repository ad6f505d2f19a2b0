package io.millwright.bench.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident set size of a process, as the kernel reports it in /proc/&lt;pid&gt;/status (VmRSS). */
final class ResidentMemory {

    private ResidentMemory() {
    }

    static long kibOf(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        return parseKib(Files.readString(status), status.toString());
    }

    static long parseKib(String status, String source) throws IOException {
        for (String line : status.split("\\R")) {
            if (line.startsWith("VmRSS:")) {
                String value = line.substring("VmRSS:".length()).trim();
                if (!value.endsWith("kB")) {
                    throw new IOException("unexpected VmRSS unit in " + source + ": " + line);
                }
                return Long.parseLong(value.substring(0, value.length() - 2).trim());
            }
        }
        throw new IOException("no VmRSS line in " + source);
    }
}
