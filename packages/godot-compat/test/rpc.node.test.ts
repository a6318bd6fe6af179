// RPCs between games over loopback in Node: every mode, targets through the relay, authority,
// argument types, order, failures on either side, the bytes on the wire and bad input.
import { createHash } from "node:crypto";
import {
  ERR_CONNECTION_ERROR,
  ERR_INVALID_DATA,
  ERR_INVALID_PARAMETER,
  ERR_UNCONFIGURED,
  MultiplayerAPI,
  Node,
  OK,
  PackedByteArray,
  rpc,
  type SceneMultiplayer,
  SceneTree,
  type WebSocketMultiplayerPeer,
} from "@wsport/godot-compat";
import { transform } from "esbuild";
import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { freePort } from "../../../test/free-port.mjs";
import { capturePrints } from "./helpers.ts";
import { flushPackets, newMultiplayerPeer, pollUntil } from "./multiplayer-helpers.ts";
import { type Game, methods, newGame, PROBE_IDS, Probe, playing } from "./rpc-helpers.ts";

const prints = capturePrints();
const printed = () => prints.spy.mock.calls.map((c) => String(c[0]));

describe("modes", () => {
  it("from the server (the authority): every RPC reaches the clients; call_local ones run here too, first-hand", async () => {
    const [host, a, b] = await playing(await freePort(), 2);
    for (const name of ["authority_remote", "authority_local", "any_remote", "any_local"] as const) {
      expect(host.probe[name].rpc(name.length)).toBe(OK);
    }
    // call_local runs inside rpc(), with the caller's own id as the sender.
    expect(host.probe.calls).toEqual([
      ["authority_local", 1, [15]],
      ["any_local", 1, [9]],
    ]);
    await pollUntil(
      [host, a, b],
      () => a.probe.calls.length === 4 && b.probe.calls.length === 4,
      "4 calls each",
    );
    for (const guest of [a, b]) {
      expect(guest.probe.calls).toEqual([
        ["authority_remote", 1, [16]],
        ["authority_local", 1, [15]],
        ["any_remote", 1, [10]],
        ["any_local", 1, [9]],
      ]);
    }
    expect(printed()).toEqual([]);
  });

  it("from a client: authority RPCs are dropped by the others with Godot's print, any_peer ones arrive (relayed to the other client)", async () => {
    const [host, a, b] = await playing(await freePort(), 2);
    const aId = a.tree.get_multiplayer().get_unique_id();
    for (const name of ["authority_remote", "authority_local", "any_remote", "any_local"] as const) {
      expect(a.probe[name].rpc()).toBe(OK);
    }
    expect(a.probe.calls).toEqual([
      ["authority_local", aId, []],
      ["any_local", aId, []],
    ]);
    await pollUntil(
      [host, a, b],
      () => host.probe.calls.length === 2 && b.probe.calls.length === 2,
      "the any_peer calls",
    );
    await flushGames(host, [a, b]); // nothing more arrives
    for (const other of [host, b]) {
      expect(other.probe.calls).toEqual([
        ["any_remote", aId, []],
        ["any_local", aId, []],
      ]);
    }
    const refused = (name: string) =>
      `ERROR: RPC '${name}' is not allowed on node /root/Game from: ${aId}. Mode is "authority", authority is 1.`;
    // Each of the other two peers refuses both authority RPCs.
    expect(printed().filter((p) => p === refused("authority_remote"))).toHaveLength(2);
    expect(printed().filter((p) => p === refused("authority_local"))).toHaveLength(2);
  });

  it("set_multiplayer_authority gives a client the node: its authority RPCs now run, the server's are refused", async () => {
    const [host, a, b] = await playing(await freePort(), 2);
    const aId = a.tree.get_multiplayer().get_unique_id();
    for (const game of [host, a, b]) game.probe.set_multiplayer_authority(aId);
    expect(a.probe.is_multiplayer_authority()).toBe(true);
    expect(host.probe.is_multiplayer_authority()).toBe(false);
    a.probe.authority_remote.rpc("mine");
    host.probe.authority_remote.rpc("not yours");
    await pollUntil(
      [host, a, b],
      () => host.probe.calls.length === 1 && b.probe.calls.length === 1,
      "a's call",
    );
    await flushGames(host, [a, b]); // nothing more arrives
    expect(host.probe.calls).toEqual([["authority_remote", aId, ["mine"]]]);
    expect(b.probe.calls).toEqual([["authority_remote", aId, ["mine"]]]);
    expect(a.probe.calls).toEqual([]);
    expect(printed()).toContain(
      `ERROR: RPC 'authority_remote' is not allowed on node /root/Game from: 1. Mode is "authority", authority is ${aId}.`,
    );
  });
});

describe("targets", () => {
  it("rpc_id: to the server, to one client through the relay, to all but one, and to oneself with call_local", async () => {
    const [host, a, b] = await playing(await freePort(), 2);
    const aId = a.tree.get_multiplayer().get_unique_id();
    const bId = b.tree.get_multiplayer().get_unique_id();
    expect(a.probe.any_remote.rpc_id(1, "to server")).toBe(OK);
    expect(a.probe.any_remote.rpc_id(bId, "to b")).toBe(OK);
    expect(host.probe.any_remote.rpc_id(-aId, "all but a")).toBe(OK);
    expect(b.probe.any_local.rpc_id(bId, "to myself")).toBe(OK); // runs here, sends nothing
    await pollUntil(
      [host, a, b],
      () => host.probe.calls.length === 1 && b.probe.calls.length === 3,
      "the calls",
    );
    await flushGames(host, [a, b]); // nothing more arrives
    expect(host.probe.calls).toEqual([["any_remote", aId, ["to server"]]]);
    expect(a.probe.calls).toEqual([]);
    expect(b.probe.calls).toEqual(
      expect.arrayContaining([
        ["any_local", bId, ["to myself"]],
        ["any_remote", aId, ["to b"]],
        ["any_remote", 1, ["all but a"]],
      ]),
    );
  });

  it("this.rpc('name', ...) and this.rpc_id(id, 'name', ...) are the same calls by name", async () => {
    const [host, a] = await playing(await freePort(), 1);
    expect(host.probe.rpc("any_remote", 1, 2)).toBe(OK);
    expect(host.probe.rpc_id(a.tree.get_multiplayer().get_unique_id(), "authority_remote", 3)).toBe(OK);
    await pollUntil([host, a], () => a.probe.calls.length === 2, "both calls");
    expect(methods(a.probe)).toEqual(["any_remote", "authority_remote"]);
  });

  it("rpc_config configures a method without the annotation; null removes it", async () => {
    const [host, a] = await playing(await freePort(), 1);
    for (const game of [host, a])
      game.probe.rpc_config("plain", { rpc_mode: MultiplayerAPI.RPC_MODE_ANY_PEER, call_local: true });
    expect(a.probe.rpc("plain", "configured")).toBe(OK);
    await pollUntil([host, a], () => host.probe.calls.length === 1, "the configured call");
    expect(host.probe.calls).toEqual([["plain", a.tree.get_multiplayer().get_unique_id(), ["configured"]]]);
    a.probe.rpc_config("plain", null);
    expect(a.probe.rpc("plain")).toBe(ERR_INVALID_PARAMETER);
  });
});

describe("arguments and order", () => {
  it("Godot's Variant types arrive as they were sent: int of every width, float, String, Array, Dictionary, bytes, null, bool", async () => {
    const [host, a] = await playing(await freePort(), 1);
    const values = [
      [0, -1, 127, -128, 300, -40000, 70000, 2 ** 40, -(2 ** 40)],
      [1.5, -0.25, 1e300],
      ["", "héllo, 世界 🎲"],
      [[1, "two", [3]], { name: "Bob", score: 12, tags: ["a"] }],
      [new PackedByteArray([1, 2, 3]), null, true, false],
    ];
    for (const args of values) host.probe.any_remote.rpc(...args);
    host.probe.any_remote.rpc(new PackedByteArray([9, 8, 7])); // one byte array alone: sent raw
    host.probe.any_remote.rpc(); // no argument
    await pollUntil([host, a], () => a.probe.calls.length === values.length + 2, "every call");
    expect(a.probe.calls.map(([, , args]) => args)).toEqual([
      ...values,
      [new PackedByteArray([9, 8, 7])],
      [],
    ]);
  });

  it("reliable RPCs between two peers arrive in the order they were called (500 through the relay)", async () => {
    const [host, a, b] = await playing(await freePort(), 2);
    const bId = b.tree.get_multiplayer().get_unique_id();
    for (let i = 0; i < 500; i++) a.probe.any_local.rpc_id(bId, i);
    await pollUntil([host, a, b], () => b.probe.calls.length === 500, "500 calls");
    expect(b.probe.calls.map(([, , args]) => args[0])).toEqual([...Array(500).keys()]);
  });
});

describe("failures", () => {
  it("an RPC body that throws is reported and the next RPC still runs", async () => {
    const [host, a] = await playing(await freePort(), 1);
    a.probe.throws.rpc();
    a.probe.any_remote.rpc("after");
    await pollUntil([host, a], () => host.probe.calls.length === 1, "the next call");
    expect(host.probe.calls[0]![2]).toEqual(["after"]);
    expect(printed()).toContain("ERROR: RPC - boom");
  });

  it("a node the other side does not have: its path is not confirmed and the call is reported, not run", async () => {
    const port = await freePort();
    const [host, a] = await playing(port, 1);
    const extra = new Probe();
    extra.name = "Extra";
    host.tree.root.add_child(extra);
    expect(extra.any_remote.rpc("lost")).toBe(OK);
    await pollUntil(
      [host, a],
      () => printed().includes("ERROR: Invalid packet received. Requested node was not found."),
      "the report",
    );
    expect(printed()).toContain('ERROR: Parameter "node" is null.');
    expect(printed()).toContain("ERROR: Failed to get path from RPC: Extra.");
    // The connection is fine: the next call to a node that exists arrives.
    host.probe.any_remote.rpc("fine");
    await pollUntil([host, a], () => a.probe.calls.length === 1, "the next call");
  });

  it("a method that is not an RPC here, a call on oneself without call_local, an unknown peer", async () => {
    const [host] = await playing(await freePort(), 1);
    expect(host.probe.rpc("plain")).toBe(ERR_INVALID_PARAMETER);
    expect(host.probe.rpc("nope")).toBe(ERR_INVALID_PARAMETER);
    expect(printed()).toContain(
      'ERROR: Unable to get the RPC configuration for the function "plain" at path: "/root/Game". This happens when the method is missing or not marked for RPCs in the local script.',
    );
    expect(host.probe.any_remote.rpc_id(1)).toBe(ERR_INVALID_PARAMETER);
    expect(printed()).toContain("ERROR: RPC 'any_remote' on yourself is not allowed by selected mode.");
    expect(host.probe.any_remote.rpc_id(12345)).toBe(OK); // Godot prints and sends nothing
    expect(printed()).toContain("ERROR: Attempt to call RPC with unknown peer ID: 12345.");
    expect(host.probe.calls).toEqual([]);
  });

  it("no peer, a peer still connecting, a node outside the tree", async () => {
    const game = newGame();
    const multiplayer = game.tree.get_multiplayer() as SceneMultiplayer;
    multiplayer.multiplayer_peer = null;
    expect(game.probe.any_remote.rpc()).toBe(ERR_UNCONFIGURED);
    expect(printed()).toContain("ERROR: Trying to call an RPC while no multiplayer peer is active.");
    const client = newMultiplayerPeer();
    client.create_client(`ws://127.0.0.1:${await freePort()}`);
    multiplayer.multiplayer_peer = client;
    expect(game.probe.any_remote.rpc()).toBe(ERR_CONNECTION_ERROR);
    const loose = new Probe();
    expect(loose.any_remote.rpc()).toBe(ERR_UNCONFIGURED);
    expect(loose.is_multiplayer_authority()).toBe(false);
  });
});

describe("the bytes on the wire (a raw ws peer plays Godot's side)", () => {
  const md5 = (text: string) => createHash("md5").update(text).digest("hex");
  const PROBE_MD5 = md5("any_localany_remoteauthority_localauthority_remotethrows");
  const cString = (text: string) => [...Buffer.from(text, "utf8"), 0];
  const u32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24];

  /** A raw client of `host` (polled meanwhile, as the server accepts in poll()) and the messages it gets. */
  async function rawClient(host: Game, port: number) {
    const socket = new WebSocket(`ws://127.0.0.1:${port}`);
    const inbox: Buffer[] = [];
    socket.on("message", (data: Buffer) => inbox.push(data));
    await pollUntil(
      [host],
      () => socket.readyState === WebSocket.OPEN && inbox.length === 1,
      "the raw peer's id",
    );
    return { socket, inbox };
  }

  async function hostOn(port: number): Promise<Game & { server: WebSocketMultiplayerPeer }> {
    const host = newGame();
    const server = newMultiplayerPeer();
    expect(server.create_server(port, "127.0.0.1")).toBe(OK);
    host.tree.get_multiplayer().multiplayer_peer = server;
    return { ...host, server };
  }

  it("sending: SIMPLIFY_PATH, then the call with its path; after CONFIRM_PATH, the call with a one-byte node id", async () => {
    const port = await freePort();
    const host = await hostOn(port);
    const raw = await rawClient(host, port);
    await pollUntil([host], () => host.tree.get_multiplayer().get_peers().length === 1, "the raw peer");
    const rawId = host.tree.get_multiplayer().get_peers()[0]!;
    expect([...raw.inbox[0]!]).toEqual(u32(rawId)); // the multiplayer peer's id handshake

    expect(host.probe.any_remote.rpc_id(rawId, 7)).toBe(OK);
    await pollUntil([host], () => raw.inbox.length === 3, "two commands");
    expect([...raw.inbox[1]!]).toEqual([0x01, ...cString(PROBE_MD5), ...u32(1), ...cString("Game")]);
    // command 0, node id 32 bits (2 << 4) carrying the path flag and the path's offset (9), method 1, one int.
    expect([...raw.inbox[2]!]).toEqual([
      0x20,
      ...u32(0x80000000 | 9),
      PROBE_IDS.any_remote,
      1,
      0x02,
      7,
      ...cString("Game"),
    ]);

    raw.socket.send(Uint8Array.of(0x02, 1, ...u32(1))); // CONFIRM_PATH: checksum valid, id 1
    // A raw packet after it (command 3) as a marker: once the host has it, it has read the confirmation.
    const marked: number[][] = [];
    (host.tree.get_multiplayer() as SceneMultiplayer).peer_packet.connect((_id, packet) =>
      marked.push([...packet]),
    );
    raw.socket.send(Uint8Array.of(0x03, 0xfe));
    await pollUntil([host], () => marked.length === 1, "the marker after CONFIRM_PATH");
    host.probe.any_remote.rpc_id(rawId, 300, true);
    host.probe.any_remote.rpc_id(rawId, new PackedByteArray([5, 6]));
    await pollUntil([host], () => raw.inbox.length === 5, "two more calls");
    expect([...raw.inbox[3]!]).toEqual([0x00, 1, PROBE_IDS.any_remote, 2, 0x42, 0x2c, 0x01, 0x81]);
    expect([...raw.inbox[4]!]).toEqual([0x80, 1, PROBE_IDS.any_remote, 5, 6]); // raw bytes: bit 7, no count
    raw.socket.close();
  });

  it("receiving: a Godot peer's SIMPLIFY_PATH is confirmed, and its calls by id and by path run", async () => {
    const port = await freePort();
    const host = await hostOn(port);
    const raw = await rawClient(host, port);
    await pollUntil([host], () => host.tree.get_multiplayer().get_peers().length === 1, "the raw peer");
    const rawId = host.tree.get_multiplayer().get_peers()[0]!;
    raw.socket.send(Uint8Array.of(0x01, ...cString(PROBE_MD5), ...u32(5), ...cString("Game")));
    await pollUntil([host], () => raw.inbox.length === 2, "the confirmation");
    expect([...raw.inbox[1]!]).toEqual([0x02, 1, ...u32(5)]);

    // By cached id (8 bits), a string argument in var_to_bytes form; then by path, no argument.
    raw.socket.send(
      Uint8Array.of(0x00, 5, PROBE_IDS.any_remote, 1, 4, 0, 0, 0, 2, 0, 0, 0, 0x68, 0x69, 0, 0),
    );
    raw.socket.send(Uint8Array.of(0xa0, ...u32(0x80000000 | 6), PROBE_IDS.any_remote, ...cString("Game")));
    await pollUntil([host], () => host.probe.calls.length === 2, "both calls");
    expect(host.probe.calls).toEqual([
      ["any_remote", rawId, ["hi"]],
      ["any_remote", rawId, []],
    ]);

    // A wrong checksum is reported and still confirmed (as false), as Godot does.
    raw.socket.send(Uint8Array.of(0x01, ...cString(md5("other")), ...u32(6), ...cString("Game")));
    await pollUntil([host], () => raw.inbox.length === 3, "the second confirmation");
    expect([...raw.inbox[2]!]).toEqual([0x02, 0, ...u32(6)]);
    expect(printed()).toContain(
      "ERROR: The rpc node checksum failed. Make sure to have the same methods on both nodes. Node path: Game",
    );
    raw.socket.close();
  });

  it("malformed commands are reported and dropped; the connection keeps working", async () => {
    const port = await freePort();
    const host = await hostOn(port);
    const raw = await rawClient(host, port);
    await pollUntil([host], () => host.tree.get_multiplayer().get_peers().length === 1, "the raw peer");
    const bad = [
      [0x00], // a call with no node id
      [0x30, 1, 1], // node id width 3 does not exist
      [0x00, 9, 1], // a cached id never announced
      [0x20, ...u32(0x80000000 | 200), 1], // a path offset past the end
      [0x00, 1, 1, 3, 2], // id 1 is not announced yet either
      [0x01, 1, 2, 3], // SIMPLIFY_PATH too short
      [0x02, 1, 0], // CONFIRM_PATH of the wrong size
      [0x02, 1, ...u32(77)], // a confirmation for an id never sent: ignored
    ];
    for (const packet of bad) raw.socket.send(Uint8Array.from(packet));
    raw.socket.send(Uint8Array.of(0x01, ...cString(PROBE_MD5), ...u32(1), ...cString("Game")));
    raw.socket.send(Uint8Array.of(0x00, 1, PROBE_IDS.any_remote, 2, 0x02)); // second argument missing
    raw.socket.send(Uint8Array.of(0x00, 1, 200, 0)); // a method id the node does not have
    raw.socket.send(Uint8Array.of(0x00, 1, PROBE_IDS.any_remote, 1, 0x01)); // false
    await pollUntil([host], () => host.probe.calls.length === 1, "the good call");
    expect(host.probe.calls[0]![2]).toEqual([false]);
    for (const message of [
      "ERROR: Invalid packet received. Size too small.",
      "ERROR: Was not possible to extract the node id compression mode.",
      `ERROR: ID 9 not found in cache of peer ${host.tree.get_multiplayer().get_peers()[0]}.`,
      "ERROR: Invalid packet received. Size smaller than declared.",
      "ERROR: Invalid packet received. Unable to decode state variable.",
      'ERROR: Condition "!cache_config.configs.has(p_rpc_method_id)" is true.',
    ]) {
      expect(printed()).toContain(message);
    }
    raw.socket.close();
  });
});

describe("bad input", () => {
  it("rpc()/rpc_id() with peer ids, method names and arguments that cannot be", async () => {
    const [host] = await playing(await freePort(), 1);
    const multiplayer = host.tree.get_multiplayer();
    expect(host.probe.any_remote.rpc_id(1.5 as number)).toBe(ERR_INVALID_PARAMETER);
    expect(host.probe.any_remote.rpc_id("2" as unknown as number)).toBe(ERR_INVALID_PARAMETER);
    expect(host.probe.rpc(42 as unknown as string)).toBe(ERR_INVALID_PARAMETER);
    expect(host.probe.any_remote.rpc(() => 1)).toBe(ERR_INVALID_DATA);
    expect(host.probe.any_remote.rpc(Symbol("x"))).toBe(ERR_INVALID_DATA);
    expect(host.probe.any_remote.rpc(2n ** 70n)).toBe(ERR_INVALID_DATA);
    expect(host.probe.any_remote.rpc(...new Array(256).fill(0))).toBe(ERR_INVALID_PARAMETER);
    expect(multiplayer.rpc(0, {} as Node, "any_remote")).toBe(ERR_INVALID_PARAMETER);
    expect(multiplayer.rpc(0, host.probe, "any_remote", "x" as unknown as unknown[])).toBe(
      ERR_INVALID_PARAMETER,
    );
    expect(printed()).toContain("ERROR: Unable to encode RPC arguments.");
  });

  it("@rpc with arguments Godot's parser refuses is a TypeError when the class is defined", () => {
    const define =
      (...args: unknown[]) =>
      () => {
        class Bad extends Node {
          @rpc(...(args as []))
          f(): void {}
        }
        return Bad;
      };
    expect(define("any_peers")).toThrow(TypeError);
    expect(define(1, "reliable")).toThrow(/channel must be the last argument/);
    expect(define(-1)).toThrow(TypeError);
    expect(define(1.5)).toThrow(TypeError);
    expect(define("reliable", "reliable", "reliable", "reliable", 0)).toThrow(/at most 4/);
    expect(define(null)).toThrow(TypeError);
    expect(define("call_local", 2)).not.toThrow();
  });

  it("@rpc compiled with experimentalDecorators (the legacy call shape) says to turn it off", async () => {
    // What esbuild (and tsc) emit for a class when the project's tsconfig has experimentalDecorators.
    const source = `
      export const bare = () => { class A extends Node { @rpc f() {} } return A; };
      export const withArgs = () => { class B extends Node { @rpc("any_peer") f() {} } return B; };`;
    const { code } = await transform(source, {
      loader: "ts",
      format: "cjs",
      tsconfigRaw: { compilerOptions: { experimentalDecorators: true } },
    });
    const module = { exports: {} as Record<string, () => unknown> };
    new Function("module", "exports", "Node", "rpc", code)(module, module.exports, Node, rpc);
    const turnItOff = /legacy one: turn experimentalDecorators off/;
    expect(module.exports.bare).toThrow(turnItOff);
    expect(module.exports.withArgs).toThrow(turnItOff);
    expect(module.exports.bare).toThrow(TypeError);
  });

  it("rpc_config, set_multiplayer_authority, the tree's methods: prints, no throw", () => {
    const tree = new SceneTree();
    const node = new Probe();
    tree.root.add_child(node);
    node.rpc_config("plain", { rpc_mode: 7 });
    node.rpc_config("plain", "any_peer" as unknown as Record<string, unknown>);
    node.rpc_config("", { rpc_mode: 1 });
    node.rpc_config("plain", { channel: 300 });
    node.set_multiplayer_authority("2" as unknown as number);
    expect(node.get_multiplayer_authority()).toBe(1);
    tree.set_multiplayer({} as MultiplayerAPI);
    tree.set_multiplayer(null);
    tree.set_multiplayer(MultiplayerAPI.create_default_interface(), "relative/path");
    tree.root.add_child("x" as unknown as Node);
    tree.root.add_child(tree.root);
    tree.root.remove_child(new Node());
    expect(tree.root.get_node("Nope")).toBe(null);
    expect(tree.root.get_node_or_null(5 as unknown as string)).toBe(null);
    expect(node.rpc("plain")).toBe(ERR_INVALID_PARAMETER); // none of the bad configs took
    expect(prints.spy.mock.calls.length).toBeGreaterThanOrEqual(11);
  });
});

/** flushPackets between games: the host's SceneMultiplayer and its guests'. */
function flushGames(host: Game, guests: Game[]): Promise<void> {
  const multiplayerOf = (game: Game) => game.tree.get_multiplayer() as SceneMultiplayer;
  return flushPackets(multiplayerOf(host), guests.map(multiplayerOf), [host, ...guests]);
}
