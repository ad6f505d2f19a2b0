package io.millwright.simulator.mqtt.internal;

/** A message ready to publish: its topic and payload. */
record Outgoing(String topic, byte[] payload) {
}
