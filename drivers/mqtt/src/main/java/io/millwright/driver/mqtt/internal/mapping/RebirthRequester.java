package io.millwright.driver.mqtt.internal.mapping;

/** Publishes a Sparkplug B rebirth request (NCMD {@code Node Control/Rebirth}) to an edge node. */
@FunctionalInterface
public interface RebirthRequester {
    void requestRebirth(String group, String edgeNode, String why);
}
