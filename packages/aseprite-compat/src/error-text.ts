// The text of an ERROR event, in IXWebSocket's words, built from what the runtime tells core.
import { capabilities, type ErrorEvent } from "@wsport/core";
import { hostAndPort } from "./url.js";

export function parseErrorText(url: string): string {
  return `Could not parse url: '${url}'`;
}

/**
 * `url` is what the script gave (IXWebSocket names it in handshake errors); `target` is the ws(s)://
 * URL actually dialled. Browsers never say why a connection failed, so there the reason is generic.
 */
export function connectErrorText(url: string, target: URL, error: ErrorEvent | undefined): string {
  const handshake = error?.handshake;
  if (handshake !== undefined) {
    const line = `HTTP/1.1 ${handshake.status} ${handshake.statusText}\r\n`;
    return `Expecting status 101 (Switching Protocol), got ${handshake.status} status connecting to ${url}, HTTP Status line: ${line}`;
  }
  if (error?.kind === "handshake") return error.message; // e.g. a bad Sec-WebSocket-Accept
  const { host, port } = hostAndPort(target);
  return `Unable to connect to ${host} on port ${port}, error: ${reason(error)}`;
}

function reason(error: ErrorEvent | undefined): string {
  if (error?.kind === "timeout") return "connect timed out after 60 seconds";
  if (capabilities.runtime === "browser") return "the browser gives no reason";
  if (error === undefined) return "Connection closed";
  if (error.kind === "refused") return "Connect error: Connection refused";
  if (error.kind === "dns") return "Name or service not known";
  return error.message;
}
