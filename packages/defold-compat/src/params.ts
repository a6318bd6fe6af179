// Turns Defold's connect `params` table into core options, with the extension's checks.
import { type ConnectOptions, MAX_TIMEOUT } from "@wsport/core";
import { isToken, parseHeaderBlock } from "@wsport/core/internal";
import { badArgument } from "./errors.js";

export interface CheckedParams {
  options: ConnectOptions;
  /** Binary frames arrive as bytes (the wsport-only `binary_as_bytes`). */
  bytes: boolean;
}

/** A non-object `params` is ignored, as are unknown fields; a wrongly typed field is an error. */
export function checkParams(params: unknown): CheckedParams {
  const table = (typeof params === "object" && params !== null ? params : {}) as Record<string, unknown>;
  const field = <T>(name: string, type: string): T | undefined => {
    const value = table[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== type || Number.isNaN(value)) {
      throw badArgument(2, "connect", `${name}: ${type}`, value);
    }
    return value as T;
  };
  const timeout = field<number>("timeout", "number") ?? 3000;
  const protocol = field<string>("protocol", "string");
  const headerBlock = field<string>("headers", "string");
  const bytes = field<boolean>("binary_as_bytes", "boolean") ?? false;

  const protocols = protocol === undefined ? [] : splitList(protocol);
  let headers: Record<string, string> | undefined;
  if (headerBlock !== undefined) {
    // An empty line would end the handshake request early: the extension refuses it.
    if (/(^|\n)\r?\n/.test(headerBlock)) {
      throw new Error(`The header field must not contain double '\\r\\n\\r\\n': '${headerBlock}'`);
    }
    headers = {};
    for (const [name, value] of parseHeaderBlock(headerBlock)) {
      // Defold's own docs pass the subprotocol as a header; offer it as one so it is negotiated.
      if (name.toLowerCase() === "sec-websocket-protocol") protocols.push(...splitList(value));
      else headers[name] = value;
    }
  }
  return {
    // Defold accepts 0 and negative timeouts: the deadline has passed, so the connect times out.
    options: {
      // Past the longest timer a runtime keeps, Defold's timeout can never fire: that is "no limit".
      timeout: timeout > MAX_TIMEOUT ? 0 : Math.max(timeout, 1),
      protocols: [...new Set(protocols)],
      headers,
    },
    bytes,
  };
}

/** A comma-separated subprotocol list; a name that is not a token could never be negotiated. */
function splitList(list: string): string[] {
  const items = list
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
  const bad = items.find((item) => !isToken(item));
  if (bad !== undefined) throw new SyntaxError(`Subprotocol '${bad}' is not a token`);
  return items;
}
