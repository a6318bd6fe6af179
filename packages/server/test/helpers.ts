// Small promise wrappers around a raw ws client, each bounded in time so a broken server fails fast.
import type { IncomingMessage } from "node:http";
import { inject } from "vitest";
import WebSocket, { type ClientOptions, type RawData } from "ws";

export const TIMEOUT = 5000;

/** Base URL of the shared server started by the global setup (faults on). */
export function shared(path = "/"): string {
  return `ws://127.0.0.1:${inject("port")}${path}`;
}

export function within<T>(promise: Promise<T>, what: string, ms = TIMEOUT): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function open(
  url: string,
  protocols?: string | string[],
  options?: ClientOptions,
): Promise<WebSocket> {
  const ws = new WebSocket(url, protocols, options);
  return within(
    new Promise((resolve, reject) => {
      ws.once("open", () => resolve(ws));
      ws.once("error", reject);
      ws.once("unexpected-response", (_req, res) => reject(new Error(`unexpected HTTP ${res.statusCode}`)));
    }),
    `open ${url}`,
  );
}

export interface Message {
  data: Buffer;
  isBinary: boolean;
}

export function nextMessage(ws: WebSocket): Promise<Message> {
  return within(
    new Promise((resolve) => {
      ws.once("message", (data: RawData, isBinary: boolean) => resolve({ data: data as Buffer, isBinary }));
    }),
    "a message",
  );
}

export function messages(ws: WebSocket, count: number): Promise<Message[]> {
  const got: Message[] = [];
  return within(
    new Promise((resolve) => {
      const on = (data: RawData, isBinary: boolean) => {
        got.push({ data: data as Buffer, isBinary });
        if (got.length === count) {
          ws.off("message", on);
          resolve(got);
        }
      };
      ws.on("message", on);
    }),
    `${count} messages`,
  );
}

export interface Closed {
  code: number;
  reason: string;
  error: (Error & { code?: string }) | undefined;
}

/** Resolves on the client's close event, with the error event that preceded it, if any. */
export function closed(ws: WebSocket, ms = TIMEOUT): Promise<Closed> {
  let error: Closed["error"];
  ws.on("error", (err) => {
    error ??= err;
  });
  return within(
    new Promise((resolve) => {
      if (ws.readyState === WebSocket.CLOSED) resolve({ code: 1006, reason: "", error });
      ws.once("close", (code, reason) => resolve({ code, reason: reason.toString(), error }));
    }),
    "close",
    ms,
  );
}

export interface Refusal {
  status: number;
  statusMessage: string;
  headers: IncomingMessage["headers"];
  body: string;
}

/** Connects expecting the upgrade to be refused; resolves with what ws's unexpected-response saw. */
export function refused(url: string, options?: ClientOptions): Promise<Refusal> {
  const ws = new WebSocket(url, options);
  ws.on("error", () => {}); // aborting the request after reading it emits one
  return within(
    new Promise((resolve, reject) => {
      ws.once("open", () => reject(new Error(`${url} was accepted`)));
      ws.once("unexpected-response", (req, res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          body += chunk;
        });
        res.on("end", () => {
          resolve({
            status: res.statusCode ?? 0,
            statusMessage: res.statusMessage ?? "",
            headers: res.headers,
            body,
          });
          req.destroy();
        });
      });
    }),
    `refusal of ${url}`,
  );
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
