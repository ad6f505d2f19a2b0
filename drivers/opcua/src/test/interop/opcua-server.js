// An OPC UA server that is not Milo, for OpcUaInteropTest: node-opcua's OPCUAServer on
// opc.tcp://127.0.0.1:<port>/interop, security None only, anonymous login.
//
//   NODE_PATH=target/interop/node_modules node opcua-server.js <port> [pkiDir]
//
// Namespace ns=1 (the server's own), object "Interop" under the Objects folder with
//   ns=1;s=Interop.Temperature  Double   20 + sin(t), changes every 100 ms
//   ns=1;s=Interop.Counter      UInt32   +1 every 100 ms
//   ns=1;s=Interop.Running      Boolean  true
//   ns=1;s=Interop.Batch        String   "B-7"
// Prints "READY <endpointUrl>" once it listens; ends on SIGTERM/SIGINT.
"use strict";

const path = require("path");
const { OPCUAServer, OPCUACertificateManager, Variant, DataType, SecurityPolicy, MessageSecurityMode } = require("node-opcua");

const port = parseInt(process.argv[2], 10);
if (!(port > 0)) {
    console.error("usage: node opcua-server.js <port> [pkiDir]");
    process.exit(2);
}
const pkiDir = process.argv[3] || path.join(process.cwd(), "opcua-server-pki");

async function main() {
    const serverCertificateManager = new OPCUACertificateManager({
        rootFolder: pkiDir,
        automaticallyAcceptUnknownCertificate: true,
    });
    const server = new OPCUAServer({
        port,
        hostname: "127.0.0.1",
        resourcePath: "/interop",
        serverCertificateManager,
        securityPolicies: [SecurityPolicy.None],
        securityModes: [MessageSecurityMode.None],
        allowAnonymous: true,
        buildInfo: { productName: "millwright-interop", buildNumber: "1", buildDate: new Date() },
    });
    await server.initialize();

    const addressSpace = server.engine.addressSpace;
    const ns = addressSpace.getOwnNamespace();
    const folder = ns.addObject({ organizedBy: addressSpace.rootFolder.objects, browseName: "Interop", nodeId: "s=Interop" });

    let t = 0;
    let counter = 0;
    const temperature = ns.addVariable({
        componentOf: folder, browseName: "Temperature", nodeId: "s=Interop.Temperature", dataType: "Double",
        value: new Variant({ dataType: DataType.Double, value: 20.0 }),
    });
    const count = ns.addVariable({
        componentOf: folder, browseName: "Counter", nodeId: "s=Interop.Counter", dataType: "UInt32",
        value: new Variant({ dataType: DataType.UInt32, value: 0 }),
    });
    ns.addVariable({
        componentOf: folder, browseName: "Running", nodeId: "s=Interop.Running", dataType: "Boolean",
        value: new Variant({ dataType: DataType.Boolean, value: true }),
    });
    ns.addVariable({
        componentOf: folder, browseName: "Batch", nodeId: "s=Interop.Batch", dataType: "String",
        value: new Variant({ dataType: DataType.String, value: "B-7" }),
    });

    const timer = setInterval(() => {
        t += 0.1;
        counter = (counter + 1) >>> 0;
        temperature.setValueFromSource(new Variant({ dataType: DataType.Double, value: 20.0 + Math.sin(t) }));
        count.setValueFromSource(new Variant({ dataType: DataType.UInt32, value: counter }));
    }, 100);

    await server.start();
    console.log("READY " + server.getEndpointUrl());

    const stop = async () => {
        clearInterval(timer);
        await server.shutdown(0);
        process.exit(0);
    };
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
