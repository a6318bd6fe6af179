// The argument checks of send/ping/close, with texts that name what was wrong. connect() gives a
// connection these; connectUnchecked() (@wsport/core/internal) leaves them out for adapters, which
// check in their engine's own terms, so a browser bundle does not carry them twice. Node connections
// always have them.
import { assertCloseCode, assertCloseReason } from "./close-code.js";
import { describe } from "./describe.js";
import type { Capabilities } from "./types.js";
import { utf8ByteLength } from "./utf8.js";

export interface ArgumentChecks {
  send(data: unknown): void;
  ping(data: unknown, capabilities: Capabilities): void;
  close(code: unknown, reason: unknown, capabilities: Capabilities): void;
}

function assertPayload(method: string, data: unknown): asserts data is string | Uint8Array {
  if (typeof data !== "string" && !(data instanceof Uint8Array)) {
    throw new TypeError(`${method}() takes a string or a Uint8Array, got ${describe(data)}`);
  }
}

export const argumentChecks: ArgumentChecks = {
  send(data) {
    assertPayload("send", data);
  },
  ping(data, capabilities) {
    assertPayload("ping", data);
    if (!capabilities.ping)
      throw new Error("ping() is not available in this runtime (browsers cannot send pings)");
    const size = typeof data === "string" ? utf8ByteLength(data) : data.length;
    if (size > 125) throw new RangeError(`A ping carries at most 125 bytes, got ${size}`);
  },
  close(code, reason, capabilities) {
    if (code !== undefined) {
      assertCloseCode(code);
      if (!capabilities.anyCloseCode && code !== 1000 && (code < 3000 || code > 4999)) {
        throw new RangeError(`Close code ${code} cannot be sent from a browser: use 1000 or 3000-4999`);
      }
    }
    assertCloseReason(reason, utf8ByteLength);
    if (reason !== "" && code === undefined) throw new TypeError("A close reason needs a close code");
  },
};
