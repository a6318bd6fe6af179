// Runs the engine's client in Node against the server URL given as argv[2]; prints one JSON line.
import { inspect } from "node:util";
import { run } from "./client.js";

/** What console.log shows first for a value: its class name, or "{" for a plain object. */
const print = (value) => inspect(value, { depth: 0 }).split(/[\s[(]/)[0];

const result = await run(process.argv[2], print);
process.stdout.write(`${JSON.stringify(result)}\n`);
