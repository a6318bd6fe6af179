// websocket_chat as a user runs it: a server scene (Listen) and two client scenes (Connect),
// typing and pressing Send; what each scene's log shows, over ws:// and (use_tls) wss://. Node only:
// the server side needs Node.
import { Crypto, type Node, TLSOptions, type Variant, Vector2, var_to_bytes } from "@wsport/godot-compat";
import { afterEach, expect, it, vi } from "vitest";
import { freePort } from "../../../test/free-port.mjs";
import { until, waitForLine } from "../../test/helpers.ts";
import { MainLoop } from "../stand-in/main-loop.ts";
import type { Button } from "../stand-in/ui.ts";
import { client_scene, server_scene } from "./scenes.ts";
import { WebSocketClient } from "./websocket/WebSocketClient.ts";
import { WebSocketServer } from "./websocket/WebSocketServer.ts";

const games: MainLoop[] = [];
afterEach(async () => {
  await Promise.all(games.splice(0).map((game) => game.quit()));
  vi.restoreAllMocks();
});

/** The scene running as its own game; `game.input()` is what the player does in its window. */
function run<T extends { root: Node }>(scene: T): T & { game: MainLoop } {
  const game = new MainLoop(scene.root);
  games.push(game);
  return { ...scene, game };
}

/** The player clicks `button` in the scene's window. */
const click = (scene: { game: MainLoop }, button: Button) => scene.game.input(() => button.click());

const lines = (scene: { log: { text: string } }) => () => scene.log.text.split("\n").filter((l) => l !== "");

/** What a TLS user sets in the inspector: a key and a self-signed certificate for the host they type. */
function tls_resources() {
  const crypto = Crypto.new();
  const key = crypto.generate_rsa(2048)!;
  const cert = crypto.generate_self_signed_certificate(key, "CN=localhost,O=wsport example,C=IT")!;
  return { key, cert };
}

/**
 * The demo as a user runs it: Listen, two clients Connect to `scheme://localhost:port/test/`, one
 * says hello, the server says welcome, the first disconnects; returns what each log shows.
 * `setup` sets what the scenes' inspector would (the TLS properties).
 */
async function chat_session(
  scheme: "ws" | "wss",
  setup: (server: ReturnType<typeof server_scene>, clients: ReturnType<typeof client_scene>[]) => void,
) {
  const server = run(server_scene());
  const a = run(client_scene());
  const b = run(client_scene());
  setup(server, [a, b]);
  const port = await freePort();
  server.port.value = port; // typed into the Port box
  await click(server, server.listen);
  await waitForLine(lines(server), /^Listing on port/);

  a.host.text = `${scheme}://localhost:${port}/test/`;
  await click(a, a.connect_button);
  await waitForLine(lines(a), /^Client just connected/);
  const idA = Number((await waitForLine(lines(server), /^Remote client connected: \d+/)).match(/\d+/)![0]);

  b.host.text = `${scheme}://localhost:${port}/test/`;
  await click(b, b.connect_button);
  await waitForLine(lines(b), /^Client just connected/);
  await waitForLine(lines(a), /^\[\d+\] connected$/);
  const idB = Number(lines(a)().at(-1)!.match(/\d+/)![0]);

  a.line_edit.text = "hello";
  await click(a, a.send_button);
  await waitForLine(lines(b), /Says: hello$/);

  server.line_edit.text = "welcome";
  await click(server, server.send_button);
  await waitForLine(lines(a), /^Server says: welcome$/);
  await waitForLine(lines(b), /^Server says: welcome$/);

  await click(a, a.connect_button); // toggled off: close()
  await waitForLine(lines(a), /^Client just disconnected/);
  await waitForLine(lines(b), /disconnected$/);

  expect(a.line_edit.text).toBe(""); // the demo clears the box after sending
  // What each scene's scripts print() is what its log shows.
  for (const scene of [server, a, b]) expect(scene.game.printed).toEqual(lines(scene)());
  return { port, idA, idB, server: lines(server)(), a: lines(a)(), b: lines(b)() };
}

/** The three logs of chat_session, line for line, as the demo shows them. */
function expect_demo_logs(session: Awaited<ReturnType<typeof chat_session>>, scheme: "ws" | "wss") {
  const { port, idA, idB } = session;
  expect(session.server).toEqual([
    `Listing on port ${port}, supported protocols: ["demo-chat"]`,
    `Remote client connected: ${idA}. Protocol: demo-chat`,
    `Remote client connected: ${idB}. Protocol: demo-chat`,
    `Server received data from peer ${idA}: hello`,
    "Sending message: welcome",
    `Remote client disconnected: ${idA}. Code: 1000, Reason: `,
  ]);
  expect(session.a).toEqual([
    `Connecting to host: ${scheme}://localhost:${port}/test/.`,
    "Client just connected with protocol: demo-chat",
    `[${idB}] connected`,
    "Sending message: hello",
    "Server says: welcome",
    "Client just disconnected with code: 1000, reson: ",
  ]);
  expect(session.b).toEqual([
    `Connecting to host: ${scheme}://localhost:${port}/test/.`,
    "Client just connected with protocol: demo-chat",
    `[${idA}] Says: hello`,
    "Server says: welcome",
    `[${idA}] disconnected`,
  ]);
}

it("two clients chat through the demo's server; every log shows what the demo shows", async () => {
  expect_demo_logs(await chat_session("ws", () => {}), "ws");
});

it("with use_tls, two clients chat over wss:// through the demo's TLS branch; the logs are the same", async () => {
  const { key, cert } = tls_resources();
  const session = await chat_session("wss", (server, clients) => {
    server.ws.use_tls = true;
    server.ws.tls_key = key;
    server.ws.tls_cert = cert;
    for (const client of clients) client.ws.tls_options = TLSOptions.client(cert);
  });
  expect_demo_logs(session, "wss");
});

it("with use_tls, the demo's WebSocketServer relays Variant messages between two wss:// WebSocketClients", async () => {
  const { key, cert } = tls_resources();
  const server = new WebSocketServer();
  server.use_tls = true;
  server.tls_key = key;
  server.tls_cert = cert;
  // As server.gd relays: every message to the others, text prefixed with the sender's id.
  server.message_received.connect((id, message) =>
    server.send(-id, typeof message === "string" ? `${id}: ${message}` : var_to_bytes(message)),
  );
  const port = await freePort();
  expect(server.listen(port)).toBe(0);
  const [alice, bob] = [new WebSocketClient(), new WebSocketClient()];
  const received = new Map<WebSocketClient, Variant[]>([
    [alice, []],
    [bob, []],
  ]);
  const poll = setInterval(() => {
    server.poll();
    for (const client of [alice, bob]) client.poll();
  }, 5);
  try {
    for (const client of [alice, bob]) {
      client.message_received.connect((message) => received.get(client)!.push(message));
      // By IP, so the certificate's name (localhost) is given as TLSOptions' common_name_override.
      client.tls_options = TLSOptions.client(cert, "localhost");
      expect(client.connect_to_url(`wss://127.0.0.1:${port}`)).toBe(0);
    }
    await until(() => server.peers.size === 2, "two wss:// clients");
    await until(() => [alice, bob].every((c) => c.last_state === c.socket.STATE_OPEN), "both open");
    expect(alice.send("hello from alice")).toBe(0);
    // The demo's send() takes a String; a Variant goes the way its other branch sends one.
    expect(alice.get_socket().send(var_to_bytes({ pos: new Vector2(3, 4), hp: 90 }))).toBe(0);
    await until(() => received.get(bob)!.length === 2, "two relayed messages");
    expect(received.get(bob)![0]).toMatch(/^\d+: hello from alice$/);
    expect(received.get(bob)![1]).toEqual({ pos: new Vector2(3, 4), hp: 90 });
    expect(received.get(alice)).toEqual([]);
  } finally {
    clearInterval(poll);
    for (const client of [alice, bob]) client.close();
    server.stop();
  }
});

it("with use_tls, a client that does not trust the certificate is dropped by the TLS branch", async () => {
  const { key, cert } = tls_resources();
  const server = run(server_scene());
  server.ws.use_tls = true;
  server.ws.tls_key = key;
  server.ws.tls_cert = cert;
  server.ws.handshake_timout = 60_000; // so the drop comes from the TLS status, not the timeout
  const port = await freePort();
  server.port.value = port;
  await click(server, server.listen);
  await waitForLine(lines(server), /^Listing on port/);

  const a = run(client_scene()); // tls_options left null: only the system's CAs are trusted
  a.host.text = `wss://localhost:${port}/test/`;
  await click(a, a.connect_button);
  await waitForLine(lines(a), /^Client just disconnected/);
  await until(() => server.ws.pending_peers.length === 0, "the server to drop the pending peer");
  expect(lines(a)()).toEqual([
    `Connecting to host: wss://localhost:${port}/test/.`,
    "Client just disconnected with code: -1, reson: ",
  ]);
  expect(lines(server)()).toEqual([`Listing on port ${port}, supported protocols: ["demo-chat"]`]);
  expect(server.ws.peers.size).toBe(0);
});

it("an empty message or host does nothing; a bad port is reported in the log", async () => {
  vi.spyOn(console, "error").mockImplementation(() => {}); // TCPServer's error print for the port
  const server = run(server_scene());
  server.port.value = 70000; // beyond what TCPServer.listen accepts
  await click(server, server.listen);
  await waitForLine(lines(server), /^Error listing on port 70000$/);
  const a = run(client_scene());
  a.host.text = "";
  await click(a, a.connect_button);
  await click(a, a.send_button);
  expect(lines(a)()).toEqual([]);
  expect(a.game.printed).toEqual([]);
});
