// Turns what ws and Node report into the core's error events.
import type { IncomingMessage } from "node:http";
import type { ErrorEvent, ErrorKind } from "./types.js";

const BODY_LIMIT = 64 * 1024;
/** A rejecting server may keep the connection open; we wait this long for the rest of its body. */
const BODY_WAIT_MS = 1000;

/** The close code ws sends when it fails a connection over a protocol error (RFC 6455 §7.4.1). */
export function failureCloseCode(code: string | undefined): number | undefined {
  if (code === "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH") return 1009;
  if (code === "WS_ERR_INVALID_UTF8") return 1007;
  return code?.startsWith("WS_ERR_") ? 1002 : undefined;
}

export function errorKind(err: Error & { code?: string }): ErrorKind {
  const code = err.code ?? "";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EAI_NODATA") return "dns";
  if (code === "ECONNREFUSED") return "refused";
  if (code === "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH") return "too-big";
  if (code.startsWith("WS_ERR_")) return "protocol";
  if (/CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY|HOSTNAME|ALTNAME/.test(code)) return "tls";
  // OpenSSL's own failures (e.g. a TLS client meeting a plain server) come as EPROTO with its text.
  if (code === "EPROTO" && /SSL routines/.test(err.message)) return "tls";
  if (/Sec-WebSocket|subprotocol|Unexpected server response|Invalid Upgrade header/.test(err.message)) {
    return "handshake";
  }
  return "network";
}

/** Reads a rejected handshake's response (bounded in size and time) into an error event. */
export function handshakeError(res: IncomingMessage): Promise<ErrorEvent> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      res.removeAllListeners("data");
      const headers: Record<string, string> = {};
      for (let i = 0; i + 1 < res.rawHeaders.length; i += 2)
        headers[res.rawHeaders[i]!] = res.rawHeaders[i + 1]!;
      const body = new Uint8Array(Buffer.concat(chunks).subarray(0, BODY_LIMIT));
      const status = res.statusCode ?? 0;
      resolve({
        type: "error",
        kind: "handshake",
        message: `Unexpected server response: ${status}`,
        handshake: { status, statusText: res.statusMessage ?? "", headers, body },
      });
    };
    const timer = setTimeout(finish, BODY_WAIT_MS);
    res.on("data", (chunk: Buffer) => {
      if (size < BODY_LIMIT) chunks.push(chunk);
      size += chunk.length;
    });
    res.once("end", finish);
    res.once("error", finish);
    res.once("close", finish);
  });
}
