// What every driver shares: the transcript, the payloads sent (to tag echoes), and bounded waits.
import { utf8ByteLength } from "@wsport/core/internal";
import { until } from "../../../../test/until.mjs";

export type Runtime = "node" | "browser";
/** Where a cell runs: Node, or one of the browser engines. */
export type Engine = "node" | "chromium" | "firefox" | "webkit";

/** How a scenario wants the connection made. */
export interface Setup {
  url: string;
  /** Subprotocols to offer (only for adapters whose engine can offer them). */
  protocols?: string[];
  /** The connect timeout, where the engine lets the game set one. */
  timeoutMs?: number;
  /** Raise the engine's own message size limits first (Godot's buffers), as a game moving big messages must. */
  bigMessages?: boolean;
  /** The scenario relies on Aseprite's automatic reconnection (its handler does not call close()). */
  keepReconnecting?: boolean;
}

/** One connection made through an adapter's engine-shaped API, recording what the engine reports. */
export interface Client {
  readonly log: string[];
  /** Adds a line written by the scenario itself (e.g. "waited 1 s"). */
  note(text: string): void;
  /** Resolves once the connection opened, or ended; logs the engine's view of it where that is polled. */
  waitOpen(ms?: number): Promise<void>;
  waitMessages(count: number, ms?: number): Promise<void>;
  /** Resolves once the engine reported the end of the connection. */
  settled(ms?: number): Promise<void>;
  /** Lets time pass (poll-driven engines keep polling). */
  idle(ms: number): Promise<void>;
  /** Sends one text message through the engine's send call; a throw or an error code is logged. */
  send(text: string): void;
  /** The engine's close / disconnect call; a throw is logged. */
  close(): void;
  /** What a game does after the connection ended: connect again to the same URL (Aseprite: nothing). */
  reconnect(): void;
  /** Cleans up without logging. */
  dispose(): void;
}

export interface Driver {
  readonly name: "defold" | "godot" | "corona" | "aseprite";
  /** The engine's connect timeout for a server that never answers (undefined: none, or too long to wait). */
  hangTimeoutMs(setup: Setup): number | undefined;
  /** The engine's own inbound message limit with its defaults, where it has one (Godot: 65535). */
  readonly inboundLimit?: number;
  open(setup: Setup): Client;
}

/** Ports in URLs and texts change from run to run; the transcript shows placeholders. */
export function normalize(text: string, ports: Record<string, string>): string {
  let out = text;
  for (const [port, name] of Object.entries(ports)) out = out.split(port).join(name);
  return out;
}

/** Port number → placeholder, filled by the test files (the shared server's port, the refused port, ...). */
export const portNames: Record<string, string> = {};

export class Recorder {
  readonly log: string[] = [];
  readonly sent: string[] = [];

  add(line: string): void {
    this.log.push(normalize(line, portNames));
  }

  /** "<n> B echo" when the message equals something sent on this connection, else "<n> B". */
  payload(text: string): string {
    const echo = this.sent.includes(text) ? " echo" : "";
    return `${utf8ByteLength(text)} B${echo}`;
  }

  /** A thrown value, as a transcript line. */
  thrown(call: string, err: unknown): void {
    const e = err as { name?: string; message?: string };
    this.add(`${call} threw ${e?.name ?? "?"} "${e?.message ?? String(err)}"`);
  }
}

export { until };

/** What a callback-driven engine (all but Godot) has reported so far; its callbacks set these. */
export interface Progress {
  opened: boolean;
  ended: boolean;
  messages: number;
}

/** The engine's own calls behind a Client, and the names its transcript gives them. */
export interface Calls {
  send(text: string): void;
  sendName: string;
  close(): void;
  closeName: string;
  reconnect(): void;
  dispose(): void;
  /** How the transcript names the open and the end events, for timeout messages. */
  openEvent: string;
  endEvent: string;
  openWaitMs: number;
}

/** The Client of an engine that reports through callbacks: waits read `progress`, throws are logged. */
export function callbackClient(r: Recorder, progress: Progress, calls: Calls): Client {
  const logged = (name: string, call: () => void) => {
    try {
      call();
    } catch (err) {
      r.thrown(name, err);
    }
  };
  return {
    log: r.log,
    note: (text) => r.add(text),
    waitOpen: (ms = calls.openWaitMs) => until(() => progress.opened || progress.ended, calls.openEvent, ms),
    waitMessages: (count, ms = 10000) =>
      until(() => progress.messages >= count || progress.ended, `${count} messages`, ms),
    settled: (ms = 8000) => until(() => progress.ended, calls.endEvent, ms),
    idle: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    send(text) {
      r.sent.push(text);
      logged(calls.sendName, () => calls.send(text));
    },
    close: () => logged(calls.closeName, calls.close),
    reconnect: calls.reconnect,
    dispose: calls.dispose,
  };
}

/**
 * A cell of the matrix: the transcript the engine's spec (docs/spec/<engine>.md, or the README's documented difference)
 * prescribes; `oneOf` where a race inside the browser decides between documented transcripts.
 */
export type Cell =
  | readonly string[]
  | { readonly na: string }
  | { readonly oneOf: ReadonlyArray<readonly string[]> };

export interface Expectation {
  node: Cell;
  /** Every browser engine, unless it has its own cell below. */
  browser: Cell;
  /** Where Firefox's native WebSocket makes the transcript differ (the package README lists it). */
  firefox?: Cell;
  /** Where WebKit's native WebSocket makes the transcript differ (the package README lists it). */
  webkit?: Cell;
  /** Why the expectation is what it is, when it follows a documented difference from the engine. */
  note?: string;
}

/** The cell for one engine: its own, else the runtime's. */
export function cellFor(expectation: Expectation, engine: Engine): Cell {
  if (engine === "node") return expectation.node;
  return (engine === "chromium" ? undefined : expectation[engine]) ?? expectation.browser;
}

/** A behaviour that differs from the expectation and has been reported; the test pins the current behaviour. */
export interface KnownGap {
  reason: string;
  actual: readonly string[];
}

export interface Adapter {
  driver: Driver;
  expected: Record<string, Expectation>;
  /** Keyed "<scenario>/<runtime>" or "<scenario>/<engine>". */
  knownGaps: Record<string, KnownGap>;
}

/** The same transcript in both runtimes. */
export function same(transcript: readonly string[], note?: string): Expectation {
  return note === undefined
    ? { node: transcript, browser: transcript }
    : { node: transcript, browser: transcript, note };
}

/**
 * Firefox fires no `open` when the connection fails right after the upgrade (a drop, a bad first
 * frame) before its open event was dispatched; a race inside Firefox decides, so either transcript.
 */
export function firefoxMayMissOpen(expectation: Expectation, withoutOpen: readonly string[]): Expectation {
  return { ...expectation, firefox: { oneOf: [expectation.browser as readonly string[], withoutOpen] } };
}

export const NO_RESTART: Cell = { na: "n/a in browser: the test cannot restart a server from the page" };
