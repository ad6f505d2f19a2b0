package io.millwright.itest;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;

/**
 * Reads a node with Milo's client, unsecured. Kept apart from the test classes so that Milo is
 * loaded only once its feature is installed in the container.
 */
final class UaProbeClient {

    private UaProbeClient() {
    }

    /** The value of {@code ns=2;s=<identifier>}, or a text naming the bad status. */
    static Object read(String url, String identifier) throws Exception {
        OpcUaClient client = OpcUaClient.create(url,
                endpoints -> endpoints.stream()
                        .filter(e -> e.getSecurityPolicyUri().equals(SecurityPolicy.None.getUri())).findFirst(),
                transport -> { },
                config -> config.setApplicationUri("urn:millwright:itest:client")
                        .setRequestTimeout(UInteger.valueOf(5_000)))
                .connect();
        try {
            DataValue value = client.readValue(0, TimestampsToReturn.Both, new NodeId(2, identifier));
            return value.getStatusCode().isGood() ? value.getValue().getValue() : "status " + value.getStatusCode();
        } finally {
            client.disconnect();
        }
    }
}
