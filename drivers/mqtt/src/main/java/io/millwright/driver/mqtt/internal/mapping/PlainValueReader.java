package io.millwright.driver.mqtt.internal.mapping;

import io.millwright.api.sample.Quality;
import io.millwright.api.sample.Sample;
import io.millwright.driver.mqtt.internal.config.TagMapping;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Turns a plain payload (the whole message is one value, as UTF-8 text) into a tag's sample. */
final class PlainValueReader {

    private PlainValueReader() {
    }

    static Sample read(String deviceId, TagMapping tag, byte[] payload, long receiveTime) throws PayloadRefusedException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString().trim();
        } catch (CharacterCodingException e) {
            throw new PayloadRefusedException("tag " + tag.name() + ": the payload is not UTF-8 text");
        }
        try {
            switch (tag.type()) {
                case DOUBLE -> {
                    return Sample.ofDouble(deviceId, tag.name(), Double.parseDouble(text), Quality.GOOD, null, receiveTime, receiveTime);
                }
                case LONG -> {
                    return Sample.ofLong(deviceId, tag.name(), Long.parseLong(text), Quality.GOOD, null, receiveTime, receiveTime);
                }
                case BOOLEAN -> {
                    return switch (text.toLowerCase(Locale.ROOT)) {
                        case "true", "1", "on" -> Sample.ofBoolean(deviceId, tag.name(), true, Quality.GOOD, null, receiveTime, receiveTime);
                        case "false", "0", "off" -> Sample.ofBoolean(deviceId, tag.name(), false, Quality.GOOD, null, receiveTime, receiveTime);
                        default -> throw new NumberFormatException();
                    };
                }
                default -> {
                    return Sample.ofString(deviceId, tag.name(), text, Quality.GOOD, null, receiveTime, receiveTime);
                }
            }
        } catch (NumberFormatException e) {
            String shown = text.length() > 60 ? text.substring(0, 57) + "..." : text;
            throw new PayloadRefusedException("tag " + tag.name() + ": '" + shown + "' is not a " + tag.type().word());
        }
    }
}
