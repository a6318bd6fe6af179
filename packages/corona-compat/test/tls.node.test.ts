// wss: against a local TLS server with a self-signed certificate made here with the openssl CLI.
// The TLS server terminates TLS and pipes to the test server, so every route works over wss:.
// The plugin verifies no certificate, so a self-signed one must connect; `tls` pins the version.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { type AddressInfo, connect as tcpConnect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer, type SecureVersion, type Server } from "node:tls";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { patternBytes, serverUrl } from "../../../test/events.ts";
import { client, DROPPED, disconnectAll } from "./helpers.ts";

let key: Buffer;
let cert: Buffer;
const servers: Server[] = [];

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), "corona-tls-"));
  try {
    const [k, c] = [join(dir, "k.pem"), join(dir, "c.pem")];
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        k,
        "-out",
        c,
        "-days",
        "1",
        "-subj",
        "/CN=localhost",
      ],
      { stdio: "ignore" },
    );
    key = readFileSync(k);
    cert = readFileSync(c);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

afterEach(disconnectAll);
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A TLS server on loopback, speaking only the given versions, in front of the test server. */
async function wssEcho(minVersion: SecureVersion = "TLSv1.2", maxVersion: SecureVersion = "TLSv1.3") {
  const server = createServer({ key, cert, minVersion, maxVersion }, (secure) => {
    const plain = tcpConnect(inject("port"), "127.0.0.1");
    secure.on("error", () => plain.destroy());
    plain.on("error", () => secure.destroy());
    secure.pipe(plain).pipe(secure);
  });
  server.on("tlsClientError", () => {}); // the version-mismatch tests make these on purpose
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

describe("wss:", () => {
  it("connects to a self-signed server without a tls option (no certificate check) and echoes", async () => {
    const port = await wssEcho();
    const { ws, next } = client();
    ws.connect(`wss://127.0.0.1:${port}/`);
    await next("OnOpen0");
    ws.send("over TLS");
    expect(await next("OnMessage0")).toMatchObject({ data: "over TLS", message: { type: "text" } });
  });

  it("server close codes and binary frames come through TLS unchanged", async () => {
    const port = await wssEcho();
    const bytes = client();
    bytes.ws.connect(`wss://127.0.0.1:${port}/send/300`);
    expect(await bytes.next("OnMessage0")).toMatchObject({
      data: patternBytes(300),
      message: { type: "binary" },
    });
    const closing = client();
    closing.ws.connect(`wss://127.0.0.1:${port}/close/4002/secure%20bye`);
    expect(await closing.next("OnClose0")).toMatchObject({ code: 4002, reason: "secure bye" });
  });

  it("tls = ws.TLS_1_2 connects to a TLS 1.2 server, with the port from options.port", async () => {
    const port = await wssEcho("TLSv1.2", "TLSv1.2");
    const { ws, next } = client();
    ws.connect("wss://localhost/echo", { tls: ws.TLS_1_2, port });
    await next("OnOpen0");
    ws.send("pinned");
    expect(await next("OnMessage0")).toMatchObject({ data: "pinned" });
  });

  it("tls = ws.TLS_1_2 against a server that speaks only TLS 1.3 → ONCLOSE with no code and no reason", async () => {
    const port = await wssEcho("TLSv1.3", "TLSv1.3");
    const { ws, log, next } = client();
    ws.connect(`wss://127.0.0.1:${port}/`, { tls: ws.TLS_1_2 });
    expect(await next("OnClose0")).toStrictEqual(DROPPED);
    expect(log.events).toHaveLength(1);
  });

  it.each(["TLS_1_0", "TLS_1_1"] as const)(
    "tls = ws.%s is pinned: a TLS 1.2+ server refuses it → ONCLOSE",
    async (name) => {
      const port = await wssEcho("TLSv1.2", "TLSv1.3");
      const { ws, next } = client();
      ws.connect(`wss://127.0.0.1:${port}/`, { tls: ws[name] });
      expect(await next("OnClose0")).toStrictEqual(DROPPED);
    },
  );

  it("the tls option is ignored for ws:", async () => {
    const { ws, next } = client();
    ws.connect(serverUrl("/"), { tls: ws.TLS_1_0 });
    await next("OnOpen0");
  });

  it("a plain ws: server behind a wss: URI fails with ONCLOSE", async () => {
    const { ws, next } = client();
    ws.connect(serverUrl("/").replace("ws:", "wss:"));
    expect(await next("OnClose0")).toStrictEqual(DROPPED);
  });
});
