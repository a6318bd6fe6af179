// Raw TCP and TLS streams: connectTcp, reading and writing a TcpStream, startTls as server and
// client, and bad arguments. The TLS key and self-signed certificate (CN=myserver, valid until 2099)
// are test fixtures, made once with godot-compat's Crypto.
import { readFileSync } from "node:fs";
import { connectTcp, createTcpListener, startTls, type TcpStream } from "@wsport/core";
import { afterEach, describe, expect, it } from "vitest";
import { until } from "../../../test/until.mjs";

const cleanup: Array<() => void> = [];
afterEach(() => {
  for (const fn of cleanup.splice(0)) fn();
});

async function pair(): Promise<[server: TcpStream, client: TcpStream]> {
  const tcp = createTcpListener(0, "127.0.0.1");
  cleanup.push(() => tcp.close());
  await tcp.ready;
  const client = connectTcp("127.0.0.1", tcp.port);
  cleanup.push(() => client.destroy());
  expect(client.state).toBe("connecting");
  await until(() => tcp.available > 0 && client.state === "open");
  const server = tcp.take()!;
  cleanup.push(() => server.destroy());
  return [server, client];
}

describe("connectTcp and TcpStream I/O", () => {
  it("writes and reads bytes both ways; peek leaves them; a close shows on the other side", async () => {
    const [server, client] = await pair();
    expect(client.remotePort).toBe(server.localPort);
    expect(client.write(new Uint8Array([1, 2, 3]))).toBe(true);
    await until(() => server.available === 3);
    expect([...server.read(2, true)]).toEqual([1, 2]);
    expect([...server.read(2)]).toEqual([1, 2]);
    expect([...server.read(10)]).toEqual([3]);
    expect(server.read(10).length).toBe(0);
    server.write(new Uint8Array([9]));
    await until(() => client.available === 1);
    client.destroy();
    expect(client.state).toBe("closed");
    expect(client.write(new Uint8Array([1]))).toBe(false);
    await until(() => server.state === "closed");
  });

  it("a refused connection ends in error with Node's code", async () => {
    const tcp = createTcpListener(0, "127.0.0.1");
    await tcp.ready;
    const port = tcp.port;
    tcp.close();
    const stream = connectTcp("127.0.0.1", port);
    await until(() => stream.state === "error");
    expect(stream.error?.code).toBe("ECONNREFUSED");
  });

  it("rejects bad arguments", () => {
    for (const host of ["", 5, null]) expect(() => connectTcp(host as string, 80)).toThrow(TypeError);
    for (const port of [0, 65536, 1.5, "80"])
      expect(() => connectTcp("127.0.0.1", port as number)).toThrow(RangeError);
    expect(() => connectTcp("127.0.0.1", 80, { port: -1 })).toThrow(RangeError);
    expect(() => startTls({} as TcpStream, {})).toThrow(TypeError);
  });
});

describe("startTls", () => {
  const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
  const keyForCert = { key: fixture("tls-key.pem"), cert: fixture("tls-cert.pem") };

  it("a server and a client stream handshake and carry bytes; the client checks the name", async () => {
    const [plainServer, plainClient] = await pair();
    const server = startTls(plainServer, { server: true, ...keyForCert, timeout: 5000 });
    const client = startTls(plainClient, { ca: keyForCert.cert, servername: "myserver" });
    cleanup.push(
      () => server.destroy(),
      () => client.destroy(),
    );
    await until(() => server.state === "open" && client.state === "open");
    client.write(new Uint8Array([7, 7]));
    await until(() => server.available === 2);
    expect([...server.read(2)]).toEqual([7, 7]);
  });

  it("fails with ERR_TLS_CERT_ALTNAME_INVALID for another name, and on an untrusted certificate", async () => {
    const [plainServer, plainClient] = await pair();
    startTls(plainServer, { server: true, ...keyForCert });
    const wrongName = startTls(plainClient, { ca: keyForCert.cert, servername: "other" });
    await until(() => wrongName.state === "error");
    expect(wrongName.error?.code).toBe("ERR_TLS_CERT_ALTNAME_INVALID");
    const [s2, c2] = await pair();
    const server = startTls(s2, { server: true, ...keyForCert });
    const untrusted = startTls(c2, { servername: "myserver" });
    await until(() => untrusted.state === "error" && server.state === "error");
  });

  it("a handshake that does not finish within the timeout ends in error", async () => {
    const [plainServer] = await pair();
    const server = startTls(plainServer, { server: true, ...keyForCert, timeout: 100 });
    await until(() => server.state === "error");
    expect(server.error?.code).toBe("ETIMEDOUT");
  });

  it("a server needs key and cert", async () => {
    const [plainServer] = await pair();
    expect(() => startTls(plainServer, { server: true, key: keyForCert.key })).toThrow(TypeError);
    expect(() => startTls(plainServer, null as never)).toThrow(TypeError);
  });
});
