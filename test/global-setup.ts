/// <reference path="./provided.d.ts" />
// Starts the test server (echo, rooms, fault routes) on loopback once per test run, in Node,
// and hands its port to every test, Node or browser, through `inject("port")`.
import { type AddressInfo, createServer, type Server } from "node:net";
import type { TestProject } from "vitest/node";
import { startServer } from "../packages/server/src/index.ts";

export default async function setup(project: TestProject) {
  const server = await startServer({ port: 0, host: "127.0.0.1", faults: true, quiet: true });
  project.provide("port", server.port);
  const closed = await closedPorts(CLOSED_PORTS);
  project.provide("closedPort", closed[0]!);
  project.provide("closedPorts", closed);
  return async () => {
    await server.close();
  };
}

/**
 * How many refused ports refusedUrl() takes turns with. Firefox delays a new connection to a host and
 * port whose last connection failed (200 ms, growing to 60 s): one refused port for every test would
 * make the later tests wait on the earlier tests' failures.
 */
const CLOSED_PORTS = 32;

/** Distinct loopback ports nobody listens on, for "connection refused" tests. */
async function closedPorts(count: number): Promise<number[]> {
  // All bound at once, so the system hands out distinct ports; then all closed.
  const probes = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Server>((resolve) => {
          const probe = createServer().listen(0, "127.0.0.1", () => resolve(probe));
        }),
    ),
  );
  const ports = probes.map((probe) => (probe.address() as AddressInfo).port);
  await Promise.all(probes.map((probe) => new Promise((resolve) => probe.close(resolve))));
  return ports;
}
