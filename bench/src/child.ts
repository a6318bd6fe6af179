// Child processes for the figures that need a separate process: echo servers and load clients.
// Each talks to us over the fork IPC channel with small JSON requests, one answer per request.
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface Child {
  /** Sends a request and resolves with the child's answer (rejects after `timeoutMs`). */
  request<T>(message: Record<string, unknown>, timeoutMs: number): Promise<T>;
  /** Kills the child (it is also killed when we exit). */
  stop(): Promise<void>;
  /** The child's process id (to read its CPU time from outside when its event loop is too busy to answer). */
  readonly pid: number;
}

const live = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of live) child.kill("SIGKILL");
});

/** Forks src/processes/<name>.ts under tsx with --expose-gc and waits for its first message. */
export async function startChild<T>(name: string, args: string[], timeoutMs = 15_000): Promise<[Child, T]> {
  const script = fileURLToPath(new URL(`./processes/${name}.ts`, import.meta.url));
  const proc = fork(script, args, {
    execArgv: ["--expose-gc", "--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  live.add(proc);
  proc.once("exit", () => live.delete(proc));

  const waiting: Array<(message: unknown) => void> = [];
  proc.on("message", (message) => waiting.shift()?.(message));
  const next = <R>(ms: number) =>
    new Promise<R>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`${name}: no answer within ${ms} ms`));
      }, ms);
      const onExit = (code: number | null) => reject(new Error(`${name} exited (code ${code})`));
      proc.once("exit", onExit);
      waiting.push((message) => {
        clearTimeout(timer);
        proc.off("exit", onExit);
        const error = (message as { error?: string }).error;
        if (error !== undefined) reject(new Error(`${name}: ${error}`));
        else resolve(message as R);
      });
    });

  const ready = await next<T>(timeoutMs);
  const child: Child = {
    pid: proc.pid ?? 0,
    request: <R>(message: Record<string, unknown>, ms: number) => {
      const answer = next<R>(ms);
      proc.send(message);
      return answer;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
        proc.once("exit", () => resolve());
        proc.kill("SIGKILL");
      }),
  };
  return [child, ready];
}
