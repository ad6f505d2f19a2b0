package io.millwright.store.derby.internal.outbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The stored form of a run of outbox entries: their JSON payloads, one per line (JSON escapes every
 * newline inside a string, so a line is exactly one payload), UTF-8, deflated at the fastest level.
 */
final class OutboxChunk {

    /**
     * Uncompressed bytes per chunk: deflate adds at most a few bytes per 16 KB to data it cannot
     * shrink, so a chunk always fits the column (32,672 bytes) however its payloads compress.
     */
    static final int MAX_PLAIN_BYTES = 32_000;

    private OutboxChunk() {
    }

    static byte[] encode(List<byte[]> lines, Deflater deflater) {
        ByteArrayOutputStream plain = new ByteArrayOutputStream(MAX_PLAIN_BYTES);
        for (byte[] line : lines) {
            plain.write(line, 0, line.length);
            plain.write('\n');
        }
        deflater.reset();
        deflater.setInput(plain.toByteArray());
        deflater.finish();
        ByteArrayOutputStream packed = new ByteArrayOutputStream(plain.size() / 4 + 64);
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            int n = deflater.deflate(buffer);
            packed.write(buffer, 0, n);
        }
        return packed.toByteArray();
    }

    static List<String> decode(byte[] entries) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(entries);
            ByteArrayOutputStream plain = new ByteArrayOutputStream(entries.length * 6);
            byte[] buffer = new byte[16384];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("outbox chunk is truncated");
                }
                plain.write(buffer, 0, n);
            }
            String text = plain.toString(StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>();
            int start = 0;
            for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
                lines.add(text.substring(start, end));
                start = end + 1;
            }
            return lines;
        } catch (DataFormatException e) {
            throw new IllegalStateException("outbox chunk is corrupt: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
