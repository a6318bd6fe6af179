/// <reference path="./provided.d.ts" />
// Starts the test server (echo, rooms, fault routes) on loopback once per test run, in Node,
// and hands its port to every test, Node or browser, through `inject("port")`.
import { createServer } from "node:net";
import type { TestProject } from "vitest/node";
import { startServer } from "../packages/server/src/index.ts";

export default async function setup(project: TestProject) {
  const server = await startTestServer();
  project.provide("port", server.port);
  const closed = await closedPorts(CLOSED_PORTS);
  project.provide("closedPort", closed[0]!);
  project.provide("closedPorts", closed);
  return async () => {
    await server.close();
  };
}

/**
 * Ports that ported programs use as written, which the tests must find free: the Aseprite examples connect
 * to 127.0.0.1:34613. It lies in the system's ephemeral range, where port 0 lands, and the test servers
 * below live as long as the run.
 */
const PORTS_OF_PORTED_PROGRAMS = new Set([34613]);

/** The test server on a port the system picks, but never on one of PORTS_OF_PORTED_PROGRAMS. */
async function startTestServer(): ReturnType<typeof startServer> {
  const server = await startServer({ port: 0, host: "127.0.0.1", faults: true, quiet: true });
  if (!PORTS_OF_PORTED_PROGRAMS.has(server.port)) return server;
  const other = await startTestServer(); // asked while this one holds the port, so it lands elsewhere
  await server.close();
  return other;
}

/**
 * How many refused ports refusedUrl() takes turns with. Firefox delays a new connection to a host and
 * port whose last connection failed (200 ms, growing to 60 s): one refused port for every test would
 * make the later tests wait on the earlier tests' failures.
 */
const CLOSED_PORTS = 32;

/**
 * Distinct loopback ports nobody listens on, for "connection refused" tests. They are taken below the
 * system's ephemeral range (32768 and up on Linux), where a server that asks for port 0 never lands:
 * a refused port must not turn into some other test's server halfway through the run.
 */
async function closedPorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  for (let port = 31999; ports.length < count && port > 20000; port--) {
    if (await isFree(port)) ports.push(port);
  }
  return ports;
}

/** Whether nothing listens on `port` of 127.0.0.1 (tried by listening on it for a moment). */
function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}
