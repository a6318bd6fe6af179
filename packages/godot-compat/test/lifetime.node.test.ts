// Object lifetime as Godot's: a MultiplayerAPI that lets go of its peer closes it, as Godot's destructor
// does when the API held the last reference. Godot's multiplayer_pong demo: Host, Exit (the peer is
// replaced and nothing else holds it), Host again on the same port.
import {
  MultiplayerPeer,
  OfflineMultiplayerPeer,
  OK,
  SceneMultiplayer,
  SceneTree,
  WebSocketMultiplayerPeer,
} from "@wsport/godot-compat";
import { describe, expect, it } from "vitest";
import { freePort } from "../../../test/free-port.mjs";
import { capturePrints } from "./helpers.ts";
import { connectingClient, pollFor, pollUntil, record } from "./multiplayer-helpers.ts";

const prints = capturePrints();
const { CONNECTION_CONNECTED, CONNECTION_DISCONNECTED } = MultiplayerPeer;

/** pong's _on_host_pressed: a new server peer, handed to the tree's multiplayer; the script keeps no reference. */
function host(tree: SceneTree, port: number): void {
  const peer = WebSocketMultiplayerPeer.new();
  expect(peer.create_server(port, "127.0.0.1")).toBe(OK);
  tree.get_multiplayer().multiplayer_peer = peer;
}

describe("a peer the MultiplayerAPI lets go of is closed, as Godot's destructor closes it", () => {
  it("multiplayer_pong: Host -> Exit -> Host again on the same port succeeds, and the client saw the server leave", async () => {
    const port = await freePort();
    const tree = new SceneTree();
    const api = tree.get_multiplayer();
    host(tree, port);
    const { multiplayer: client, peer: clientPeer } = connectingClient(`ws://127.0.0.1:${port}`);
    const clientLog = record({
      connected_to_server: client.connected_to_server,
      server_disconnected: client.server_disconnected,
    });
    await pollUntil(
      [api, client],
      () => api.get_peers().length === 1 && clientLog.length === 1,
      "the client in",
    );
    const first = api.multiplayer_peer!;

    // Exit: pong's _end_game sets multiplayer.multiplayer_peer = null, dropping the last reference.
    api.multiplayer_peer = null;
    expect(first.get_connection_status()).toBe(CONNECTION_DISCONNECTED);
    await pollUntil([client], () => clientLog.length === 2, "server_disconnected on the client");
    expect(clientLog.map((e) => e[0])).toEqual(["connected_to_server", "server_disconnected"]);
    expect(clientPeer.get_connection_status()).toBe(CONNECTION_DISCONNECTED);

    // Host again on the same port, at once.
    host(tree, port);
    const second = api.multiplayer_peer!;
    await pollFor([api], 200);
    expect(second.get_connection_status()).toBe(CONNECTION_CONNECTED);
    const { multiplayer: again } = connectingClient(`ws://127.0.0.1:${port}`);
    await pollUntil(
      [api, again],
      () => api.get_peers().length === 1 && again.get_peers().includes(1),
      "a new client in",
    );
    expect(prints.spy.mock.calls.join("\n")).not.toMatch(/could not listen/);
    api.multiplayer_peer = null;
  });

  it("a peer another MultiplayerAPI still holds stays open; the last holder's letting go closes it", async () => {
    const port = await freePort();
    const peer = WebSocketMultiplayerPeer.new();
    expect(peer.create_server(port, "127.0.0.1")).toBe(OK);
    const a = new SceneMultiplayer();
    const b = new SceneMultiplayer();
    a.multiplayer_peer = peer;
    b.set_multiplayer_peer(peer);
    a.multiplayer_peer = new OfflineMultiplayerPeer();
    expect(peer.get_connection_status()).toBe(CONNECTION_CONNECTED);
    b.set_multiplayer_peer(null);
    expect(peer.get_connection_status()).toBe(CONNECTION_DISCONNECTED);
  });

  it("setting the same peer again keeps it; a peer refused by the setter is not counted as held", async () => {
    const port = await freePort();
    const peer = WebSocketMultiplayerPeer.new();
    expect(peer.create_server(port, "127.0.0.1")).toBe(OK);
    const api = new SceneMultiplayer();
    api.multiplayer_peer = peer;
    api.multiplayer_peer = peer;
    expect(peer.get_connection_status()).toBe(CONNECTION_CONNECTED);
    const closed = WebSocketMultiplayerPeer.new(); // disconnected: the setter refuses it with a print
    api.multiplayer_peer = closed;
    expect(api.multiplayer_peer).toBe(peer);
    expect(peer.get_connection_status()).toBe(CONNECTION_CONNECTED);
    expect(prints.spy).toHaveBeenCalledTimes(1);
    api.multiplayer_peer = null;
    expect(peer.get_connection_status()).toBe(CONNECTION_DISCONNECTED);
  });
});
