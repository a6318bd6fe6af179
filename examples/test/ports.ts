// Node only: a free loopback port, for the programs that listen on a port of their own.
import { createServer } from "node:net";

/** A loopback port that was free a moment ago, for a program that listens on a fixed port. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
