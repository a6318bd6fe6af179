// Node-only test helper: a loopback port nobody listens on right now (Godot's create_server has no
// getter for the port it bound, so tests pick one first).
import { createServer } from "node:net";

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
