// godot-compat's own global setup (after the shared one): Godot multiplayer servers and a Godot-style
// wss:// echo server for the browser tests. They run in a child Node process, bundled here with core's
// Node entry: this setup runs under the browser project's aliases, which point @wsport/core at its
// browser entry.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { TestProject } from "vitest/node";
import type { ServerPorts } from "./multiplayer-server.ts";

export default async function setup(project: TestProject) {
  const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
  const outfile = here("../node_modules/.cache/multiplayer-server.mjs");
  await build({
    entryPoints: [here("./multiplayer-server.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external", // ws and the like load from node_modules as usual
    alias: {
      "@wsport/core": here("../../core/src/node.ts"),
      "@wsport/core/internal": here("../../core/src/internal-node.ts"),
      "@wsport/godot-compat": here("../src/node.ts"),
    },
    target: "es2022", // lowers the standard decorators (@rpc) that Node 20 cannot run
    tsconfigRaw: { compilerOptions: { experimentalDecorators: false } },
    logLevel: "error",
  });
  const child = fork(outfile, { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const ports = await new Promise<ServerPorts>((resolve, reject) => {
    child.once("message", (m) => resolve(m as ServerPorts));
    child.once("exit", (code) => reject(new Error(`the multiplayer test server exited with ${code}`)));
  });
  project.provide("godotMultiplayerPort", ports.open);
  project.provide("godotAuthPort", ports.guarded);
  project.provide("godotRpcPort", ports.rpcGame);
  project.provide("godotRawPort", ports.raw);
  project.provide("godotTlsEchoPort", ports.tlsEcho);
  project.provide("godotMultiplayerTlsPort", ports.tlsOpen);
  project.provide("godotReplicationPort", ports.replication);
  return () => {
    child.kill();
  };
}
