// Starts the test server (echo, rooms, fault routes) on loopback once per test run, in Node,
// and hands its port to every test, Node or browser, through `inject("port")`.
import type { TestProject } from "vitest/node";
import { startServer } from "../packages/server/src/index.ts";

export default async function setup(project: TestProject) {
  const server = await startServer({ port: 0, host: "127.0.0.1", faults: true, quiet: true });
  project.provide("port", server.port);
  return async () => {
    await server.close();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    port: number;
  }
}
