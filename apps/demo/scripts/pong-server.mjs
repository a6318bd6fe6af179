// The pong game's dedicated server as a child process, as a Godot game runs `godot --headless`
// beside its players: esbuild bundles src/pong/server/main.ts (lowering its @rpc decorators) into
// node_modules/.pong-server/, and a Node process runs it. `pnpm demo` and the end-to-end test
// start it here; `drop()` kills it without warning (the "Drop the server" button) and starts it
// again a little later, so players see Godot's server_disconnected path and can then rejoin.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const appDir = fileURLToPath(new URL("..", import.meta.url));
const bundle = `${appDir}node_modules/.pong-server/main.mjs`;
/** How long a dropped server stays away before it starts again. */
export const RESTART_MS = 3000;

async function bundleServer() {
  await build({
    entryPoints: [`${appDir}src/pong/server/main.ts`],
    outfile: bundle,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external", // @wsport/godot-compat's Node entry, as installed
    // Not the repository's tsconfig: its `paths` point @wsport/* at the packages' sources.
    tsconfigRaw: { compilerOptions: { experimentalDecorators: false, useDefineForClassFields: true } },
    logLevel: "warning",
  });
}

/** Starts one server process and resolves once it says it is listening. */
function spawnServer(args, log) {
  const child = spawn(process.execPath, [bundle, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk) => {
      output += chunk;
      for (const line of String(chunk).split("\n")) if (line.trim()) log(line);
      if (/listening on /.test(output)) resolve(child);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code, signal) =>
      reject(new Error(`the pong server exited (${signal ?? code}) before listening:\n${output.trim()}`)),
    );
  });
}

/**
 * Bundles and starts the dedicated server.
 * @param {{ port: number, bind?: string, scoreToWin?: number, ballSpeed?: number, log?: (line: string) => void }} options
 */
export async function startPongServer({ port, bind = "127.0.0.1", scoreToWin, ballSpeed, log = () => {} }) {
  await bundleServer();
  const args = [`--port=${port}`, `--bind=${bind}`];
  if (scoreToWin !== undefined) args.push(`--score-to-win=${scoreToWin}`);
  if (ballSpeed !== undefined) args.push(`--ball-speed=${ballSpeed}`);
  let child = await spawnServer(args, log);
  let restart;
  let closed = false;
  return {
    port,
    /** Kills the server at once (no close frames) and starts it again after RESTART_MS. */
    drop() {
      if (restart || closed) return false;
      child.kill("SIGKILL");
      restart = setTimeout(async () => {
        try {
          if (!closed) child = await spawnServer(args, log);
        } catch (err) {
          log(`restart failed: ${err.message}`);
        } finally {
          restart = undefined;
        }
      }, RESTART_MS);
      return true;
    },
    async close() {
      closed = true;
      clearTimeout(restart);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/**
 * A Vite plugin (dev server and preview) that gives the page's "Drop the server" button its route:
 * POST /__pong/drop-server.
 */
export function pongServerControl(server) {
  const middleware = (req, res, next) => {
    if (req.url !== "/__pong/drop-server" || req.method !== "POST") return next();
    const dropped = server.drop();
    res.statusCode = dropped ? 202 : 409;
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ dropped, restart_ms: RESTART_MS }));
  };
  return {
    name: "wsport-pong-server-control",
    configureServer: (vite) => void vite.middlewares.use(middleware),
    configurePreviewServer: (preview) => void preview.middlewares.use(middleware),
  };
}
