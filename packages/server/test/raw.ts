// A hand-made upgrade request over node:net, to read the exact 101/4xx bytes the server answers.
import { connect } from "node:net";
import { within } from "./helpers.js";

export interface RawResponse {
  statusLine: string;
  headers: Record<string, string>;
}

export function rawHandshake(port: number, path: string, extraHeaders: string[] = []): Promise<RawResponse> {
  const socket = connect(port, "127.0.0.1");
  const request = [
    `GET ${path} HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    "Upgrade: websocket",
    "Connection: Upgrade",
    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
    "Sec-WebSocket-Version: 13",
    ...extraHeaders,
    "",
    "",
  ].join("\r\n");
  socket.write(request);
  let text = "";
  return within(
    new Promise<RawResponse>((resolve, reject) => {
      socket.on("error", reject);
      socket.on("data", (chunk) => {
        text += chunk.toString("latin1");
        const end = text.indexOf("\r\n\r\n");
        if (end === -1) return;
        const [statusLine = "", ...lines] = text.slice(0, end).split("\r\n");
        const headers: Record<string, string> = {};
        for (const line of lines) {
          const colon = line.indexOf(":");
          headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
        }
        socket.destroy();
        resolve({ statusLine, headers });
      });
    }),
    `raw handshake on ${path}`,
  );
}
