// A Modbus TCP server that is not j2mod (modbus-serial's ServerTCP), for ModbusInteropTest.
// Usage: node modbus-server.js <port>   (modbus-serial on NODE_PATH). Prints "listening <port>" when ready.
// Holds 100 of each kind of point; any address from 100 up is answered with exception 2.
// Values are laid out here with Node's own Buffer, independently of the driver's encoder.
"use strict";
const ModbusRTU = require("modbus-serial");

const port = parseInt(process.argv[2], 10);
const SIZE = 100;
const holding = new Array(SIZE).fill(0);
const input = new Array(SIZE).fill(0);
const coils = new Array(SIZE).fill(false);
const discretes = new Array(SIZE).fill(false);

// Four layouts of the same bytes: ABCD (big/big), CDAB (word-swapped), BADC (byte-swapped), DCBA
function put(registers, address, bytes, byteOrder, wordOrder) {
    const words = [];
    for (let i = 0; i < bytes.length; i += 2) {
        words.push(byteOrder === "little" ? (bytes[i + 1] << 8) | bytes[i] : (bytes[i] << 8) | bytes[i + 1]);
    }
    if (wordOrder === "little") {
        words.reverse();
    }
    words.forEach((w, i) => { registers[address + i] = w; });
}

const orders = [["big", "big"], ["big", "little"], ["little", "big"], ["little", "little"]];
orders.forEach(([b, w], n) => {
    const base = n * 20;        // each order gets registers base .. base+19
    const f32 = Buffer.alloc(4); f32.writeFloatBE(123.456);
    const i32 = Buffer.alloc(4); i32.writeInt32BE(-123456789);
    const u32 = Buffer.alloc(4); u32.writeUInt32BE(4000000000);
    const f64 = Buffer.alloc(8); f64.writeDoubleBE(Math.PI);
    const i16 = Buffer.alloc(2); i16.writeInt16BE(-1234);
    const u16 = Buffer.alloc(2); u16.writeUInt16BE(65000);
    const txt = Buffer.alloc(8); txt.write("SKU-42", "latin1");
    put(holding, base + 0, f32, b, w);
    put(holding, base + 2, i32, b, w);
    put(holding, base + 4, u32, b, w);
    put(holding, base + 6, f64, b, w);
    put(holding, base + 10, i16, b, w);
    put(holding, base + 11, u16, b, w);
    put(holding, base + 12, txt, b, "big");   // strings are a run of registers: no word order
});
input[0] = 321;
coils[0] = true; coils[2] = true;
discretes[3] = true;

function check(address, length) {
    if (address + length > SIZE) {
        throw { modbusErrorCode: 0x02, msg: "Illegal data address" };
    }
}

const vector = {
    getMultipleHoldingRegisters(address, length) { check(address, length); return holding.slice(address, address + length); },
    getHoldingRegister(address) { check(address, 1); return holding[address]; },
    getMultipleInputRegisters(address, length) { check(address, length); return input.slice(address, address + length); },
    getInputRegister(address) { check(address, 1); return input[address]; },
    getCoil(address) { check(address, 1); return coils[address]; },
    getDiscreteInput(address) { check(address, 1); return discretes[address]; },
    setRegister(address, value) { check(address, 1); holding[address] = value; },
    setCoil(address, value) { check(address, 1); coils[address] = value; },
};

const server = new ModbusRTU.ServerTCP(vector, { host: "127.0.0.1", port: port, unitID: 1 });
server.on("initialized", () => console.log("listening " + port));
server.on("socketError", (err) => console.error("socket error: " + err));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
