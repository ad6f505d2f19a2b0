package io.millwright.driver.support.sparkplug;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/** Reads the protobuf wire format strictly: every problem is a {@link MalformedPayloadException} naming the offset. */
final class ProtoReader {

    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final byte[] bytes;
    private int pos;
    private final int end;

    ProtoReader(byte[] bytes, int offset, int end) {
        this.bytes = bytes;
        this.pos = offset;
        this.end = end;
    }

    boolean hasMore() {
        return pos < end;
    }

    int position() {
        return pos;
    }

    /** @return the tag (field number << 3 | wire type) */
    int readTag() throws MalformedPayloadException {
        int at = pos;
        long tag = readVarint();
        if (tag >>> 3 == 0 || tag > Integer.MAX_VALUE) {
            throw new MalformedPayloadException("invalid field tag " + tag + " at offset " + at);
        }
        return (int) tag;
    }

    long readVarint() throws MalformedPayloadException {
        int at = pos;
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= end) {
                throw new MalformedPayloadException("truncated varint at offset " + at);
            }
            byte b = bytes[pos++];
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new MalformedPayloadException("varint longer than 10 bytes at offset " + at);
    }

    long readFixed64() throws MalformedPayloadException {
        require(8, "fixed64");
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v |= (long) (bytes[pos++] & 0xFF) << (8 * i);
        }
        return v;
    }

    int readFixed32() throws MalformedPayloadException {
        require(4, "fixed32");
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v |= (bytes[pos++] & 0xFF) << (8 * i);
        }
        return v;
    }

    /** @return a reader over the next length-delimited field */
    ProtoReader readMessage() throws MalformedPayloadException {
        int length = readLength();
        ProtoReader inner = new ProtoReader(bytes, pos, pos + length);
        pos += length;
        return inner;
    }

    String readString() throws MalformedPayloadException {
        int at = pos;
        int length = readLength();
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, pos, length)).toString();
            pos += length;
            return s;
        } catch (CharacterCodingException e) {
            throw new MalformedPayloadException("string at offset " + at + " is not UTF-8");
        }
    }

    void skip(int wireType) throws MalformedPayloadException {
        int at = pos;
        switch (wireType) {
            case VARINT -> readVarint();
            case FIXED64 -> readFixed64();
            case LENGTH_DELIMITED -> {
                int length = readLength();
                pos += length;
            }
            case FIXED32 -> readFixed32();
            default -> throw new MalformedPayloadException("unsupported wire type " + wireType + " at offset " + at);
        }
    }

    void expect(int tag, int wireType, String field) throws MalformedPayloadException {
        if ((tag & 7) != wireType) {
            throw new MalformedPayloadException(field + " has wire type " + (tag & 7) + ", expected " + wireType
                    + " (before offset " + pos + ")");
        }
    }

    private int readLength() throws MalformedPayloadException {
        int at = pos;
        long length = readVarint();
        if (length < 0 || length > end - pos) {
            throw new MalformedPayloadException("length " + length + " at offset " + at + " runs past the end (" + end + ")");
        }
        return (int) length;
    }

    private void require(int n, String what) throws MalformedPayloadException {
        if (end - pos < n) {
            throw new MalformedPayloadException("truncated " + what + " at offset " + pos);
        }
    }
}
