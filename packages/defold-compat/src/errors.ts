// The extension's EVENT_ERROR texts for what core reports, and Lua's argument errors.
import { type ErrorEvent, messageText } from "@wsport/core";
import type { ErrorData } from "./types.js";

/** The ERROR data for a core failure, before or after the connection was established. */
export function errorData(error: ErrorEvent, opened: boolean, host: string): ErrorData {
  const data: ErrorData = { event: 3, message: errorText(error, opened, host) };
  const handshake = error.handshake;
  if (handshake !== undefined) {
    data.handshake_response = {
      status: handshake.status,
      headers: handshake.headers,
      response: messageText(handshake.body),
    };
  }
  return data;
}

function errorText(error: ErrorEvent, opened: boolean, host: string): string {
  if (opened) return `Websocket closing for ${host} (${error.message})`;
  if (error.kind === "timeout") return "Connect sequence timed out";
  if (error.handshake !== undefined) return `Wrong response status: ${error.handshake.status}`;
  if (error.kind === "handshake") return `Failed verifying handshake headers:\n${error.message}`;
  // The native build names the socket result; these two are the ones a game can act on.
  if (error.kind === "refused") return openFailureText("CONNREFUSED");
  if (error.kind === "dns") return openFailureText("HOST_NOT_FOUND");
  // Defold names no TLS detail (e.g. a wss:// URL on a plain server): its socket layer says UNKNOWN.
  if (error.kind === "tls") return openFailureText("UNKNOWN");
  return openFailureText(error.message);
}

export function openFailureText(reason: string): string {
  return `Failed to open connection: ${reason}`;
}

/** Lua's error for a wrongly typed argument, e.g. "bad argument #1 to 'connect' (string expected, got nil)". */
export function badArgument(index: number, name: string, expected: string, got: unknown): TypeError {
  return new TypeError(`bad argument #${index} to '${name}' (${expected} expected, got ${luaType(got)})`);
}

/** The type name Lua's messages use: nil for undefined and null, table for any object. */
function luaType(value: unknown): string {
  if (value === undefined || value === null) return "nil";
  return typeof value === "object" ? "table" : typeof value;
}
