// Node only: the one way tests and end-to-end runs pick a loopback port for a program that listens on a
// port of its own choosing (Godot's create_server, the demo's pong server, WebKitWebDriver).
import { createServer } from "node:net";

/** A loopback port that was free a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
    probe.once("error", reject);
  });
}
