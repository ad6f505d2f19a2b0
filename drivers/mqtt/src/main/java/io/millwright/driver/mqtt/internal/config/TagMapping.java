package io.millwright.driver.mqtt.internal.config;

/**
 * One configured tag of a JSON or plain device.
 *
 * @param name       the tag name
 * @param source     a JSON Pointer ({@code /temp/value}) for JSON, a topic filter for plain
 * @param type       the value's type
 * @param historized whether its history is kept
 * @param deadband   the change a number must exceed to count as a change
 */
public record TagMapping(String name, String source, TagType type, boolean historized, double deadband) {

    public String address(DeviceMapping device) {
        return device.format() == PayloadFormat.JSON ? device.topic() + " " + source + " " + type.word()
                : source + " " + type.word();
    }
}
