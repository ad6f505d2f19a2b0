package io.millwright.store.derby.internal.trouble;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A separate JVM on the test classpath running one of this package's mains, its output collected
 * line by line; optionally started through bash with a {@code ulimit -f} (file size limit in KB).
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> reading;

    private ChildJvm(Process process) {
        this.process = process;
        this.reading = CompletableFuture.runAsync(this::read);
    }

    static ChildJvm start(Path workDir, Class<?> main, String... args) throws IOException {
        return new ChildJvm(new ProcessBuilder(command(workDir, main, args))
                .redirectError(ProcessBuilder.Redirect.appendTo(workDir.resolve("child.err").toFile())).start());
    }

    /** As {@link #start}, with the child's files limited to {@code fileSizeKb} (writes beyond fail: "File too large"). */
    static ChildJvm startWithFileSizeLimit(Path workDir, long fileSizeKb, Class<?> main, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "ulimit -f " + fileSizeKb + " && exec \"$@\"",
                "bash"));
        command.addAll(command(workDir, main, args));
        return new ChildJvm(new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(workDir.resolve("child.err").toFile())).start());
    }

    private static List<String> command(Path workDir, Class<?> main, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-cp", System.getProperty("java.class.path"), "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Dderby.stream.error.file=" + workDir.resolve("derby-child.log"),
                main.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the pipe closed with the process
        }
    }

    /** Waits until the child printed a line starting with {@code prefix}; returns it. */
    String awaitLine(String prefix, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            for (String line : lines) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            if (!process.isAlive() && reading.isDone()) {
                throw new AssertionError("the child exited with " + process.exitValue() + " before printing "
                        + prefix + "; it printed " + lines + "; see child.err");
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the child did not print " + prefix + " within " + seconds + " s; it printed "
                + lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }

    /** Asks the child to finish (closes its stdin) and waits for its exit code. */
    int finish(long seconds) throws Exception {
        process.getOutputStream().close();
        return exitCode(seconds);
    }

    int exitCode(long seconds) throws Exception {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child did not exit within " + seconds + " s (hung?)");
        }
        reading.get(10, TimeUnit.SECONDS);
        return process.exitValue();
    }

    List<String> lines() {
        return lines;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
