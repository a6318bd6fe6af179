/// <reference path="./provided.d.ts" />
// Starts the test server (echo, rooms, fault routes) on loopback once per test run, in Node,
// and hands its port to every test, Node or browser, through `inject("port")`.
import { createServer } from "node:net";
import type { TestProject } from "vitest/node";
import { startServer } from "../packages/server/src/index.ts";

export default async function setup(project: TestProject) {
  const server = await startServer({ port: 0, host: "127.0.0.1", faults: true, quiet: true });
  project.provide("port", server.port);
  project.provide("closedPort", await closedPort());
  return async () => {
    await server.close();
  };
}

/** A loopback port nobody listens on, for "connection refused" tests. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 1));
    });
  });
}
