// Maps a request URL to what the server does with the connection. Pure: no sockets here.
import { ParamError, parseCloseCode, parseCount, parseMs, parseReason, parseStatus } from "./params.js";

export type Route =
  | { kind: "echo" }
  | { kind: "room"; name: string }
  | { kind: "reject"; status: number }
  | { kind: "close"; code: number | undefined; reason: string }
  | { kind: "drop"; after: number; delay: number }
  | { kind: "hang" }
  | { kind: "delay"; ms: number }
  | { kind: "garbage"; delay: number }
  | { kind: "invalid-utf8"; delay: number }
  | { kind: "ping" }
  | { kind: "send"; size: number }
  | { kind: "echo-headers" };

/** One line per route, printed by the CLI and used in 400 bodies. */
export const FAULT_USAGE: Record<string, string> = {
  reject: "/reject/<status>",
  close: "/close/<code>[/<reason>] or /close/none",
  drop: "/drop[?after=N][&delay=ms]",
  hang: "/hang",
  delay: "/delay/<ms>",
  garbage: "/garbage[?delay=ms]",
  "invalid-utf8": "/invalid-utf8[?delay=ms]",
  ping: "/ping",
  send: "/send/<n>",
  "echo-headers": "/echo-headers",
};

function usage(name: string): ParamError {
  return new ParamError(`Bad route: use ${FAULT_USAGE[name]}`);
}

/** Throws ParamError for a fault route with bad parameters. */
export function matchRoute(url: URL, faults: boolean, maxPayload: number): Route {
  // Raw (still percent-encoded) segments, so a close reason is decoded exactly once.
  const segments = url.pathname.split("/").slice(1);
  if (segments.length > 1 && segments.at(-1) === "") segments.pop(); // tolerate one trailing slash
  const [head = "", ...rest] = segments;

  if (url.pathname.startsWith("/room/")) {
    const name = rest.join("/");
    if (name === "") throw new ParamError("Bad route: use /room/<name> with a non-empty name");
    return { kind: "room", name: decodeRoomName(name) };
  }
  if (!faults || !Object.hasOwn(FAULT_USAGE, head)) return { kind: "echo" };

  switch (head) {
    case "reject":
      if (rest.length !== 1) throw usage(head);
      return { kind: "reject", status: parseStatus(rest[0]!) };
    case "close": {
      if (rest.length === 0 || rest[0] === "") throw usage(head);
      if (rest[0] === "none") {
        if (rest.length > 1)
          throw new ParamError("Bad route: /close/none takes no reason (a reason needs a code)");
        return { kind: "close", code: undefined, reason: "" };
      }
      const code = parseCloseCode(rest[0]!);
      return { kind: "close", code, reason: parseReason(rest.slice(1).join("/")) };
    }
    case "drop": {
      if (rest.length > 0) throw usage(head);
      const after = url.searchParams.get("after");
      return {
        kind: "drop",
        after: after === null ? 0 : parseCount("after", after, Number.MAX_SAFE_INTEGER),
        delay: delayParam(url),
      };
    }
    case "garbage":
    case "invalid-utf8":
      if (rest.length > 0) throw usage(head);
      return { kind: head, delay: delayParam(url) };
    case "delay":
      if (rest.length !== 1) throw usage(head);
      return { kind: "delay", ms: parseMs("delay", rest[0]!) };
    case "send":
      if (rest.length !== 1) throw usage(head);
      return { kind: "send", size: parseCount("size", rest[0]!, maxPayload) };
    default:
      if (rest.length > 0) throw usage(head);
      return { kind: head as "hang" | "ping" | "echo-headers" };
  }
}

/** The optional `?delay=ms` of the routes that act some time after the open (0 when absent). */
function delayParam(url: URL): number {
  const delay = url.searchParams.get("delay");
  return delay === null ? 0 : parseMs("delay", delay);
}

function decodeRoomName(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new ParamError(`Bad room name ${JSON.stringify(raw)}: bad percent-encoding`);
  }
}
