// The browser app: runs the engine's client against ?server=…, leaves the result on window.
import { run } from "./client.js";

/** What the devtools console shows first for a value: its constructor's name. */
const print = (value) =>
  Object.getPrototypeOf(value)?.constructor?.name === "Object" ? "{" : value.constructor.name;

const server = new URLSearchParams(location.search).get("server");
run(server, print).then(
  (result) => {
    window.__result = result;
  },
  (err) => {
    window.__result = { error: String(err) };
  },
);
