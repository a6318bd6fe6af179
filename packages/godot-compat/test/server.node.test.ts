// The server flow: TCPServer hands out StreamPeerTCPs, WebSocketPeer.accept_stream upgrades them.
import { request } from "node:http";
import { capabilities } from "@wsport/core";
import {
  ERR_ALREADY_IN_USE,
  ERR_INVALID_PARAMETER,
  OK,
  StreamPeerTCP,
  TCPServer,
  WebSocketPeer,
} from "@wsport/godot-compat";
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { serverUrl } from "../../../test/events.ts";
import { until } from "../../../test/until.mjs";
import {
  closeAll,
  listeningServer,
  newPeer,
  openPeer,
  pollUntil,
  pollUntilClosed,
  takeConnection,
} from "./helpers.ts";

const { STATE_CONNECTING, STATE_OPEN, STATE_CLOSED } = WebSocketPeer;

let printed: MockInstance;
const servers: TCPServer[] = [];
beforeEach(() => {
  printed = vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => {
  closeAll();
  for (const server of servers.splice(0)) server.stop();
  vi.restoreAllMocks();
});

const listening = listeningServer;

/** Accepts the next connection as a server-side WebSocketPeer. */
async function acceptPeer(server: TCPServer, setup?: (peer: WebSocketPeer) => void): Promise<WebSocketPeer> {
  const stream = await takeConnection(server);
  const peer = newPeer(setup);
  expect(peer.accept_stream(stream)).toBe(OK);
  expect(peer.get_ready_state()).toBe(STATE_CONNECTING);
  return peer;
}

describe("TCPServer", () => {
  it("listens on port 0, reports the real port once bound, and stops", async () => {
    const server = TCPServer.new();
    servers.push(server);
    expect(server.is_listening()).toBe(false);
    expect(server.get_local_port()).toBe(0);
    expect(server.listen(0, "127.0.0.1")).toBe(OK);
    expect(server.listen(0, "127.0.0.1")).toBe(ERR_ALREADY_IN_USE);
    await until(() => server.is_listening(), "the TCPServer to listen");
    expect(server.is_listening()).toBe(true);
    expect(server.get_local_port()).toBeGreaterThan(0);
    expect(server.is_connection_available()).toBe(false);
    expect(server.take_connection()).toBe(null);
    server.stop();
    expect(server.is_listening()).toBe(false);
    expect(server.get_local_port()).toBe(0);
    expect(server.take_connection()).toBe(null);
    expect(server.listen(0, "127.0.0.1")).toBe(OK); // may listen again after stop()
  });

  it("'*' binds every address: IPv4 and IPv6 clients both get in", async () => {
    const server = await listening("*");
    const port = server.get_local_port();
    for (const host of ["127.0.0.1", "[::1]", "localhost"]) {
      const client = newPeer();
      expect(client.connect_to_url(`ws://${host}:${port}/`)).toBe(OK);
      const peer = await acceptPeer(server);
      await pollUntil([client, peer], () => client.get_ready_state() === STATE_OPEN, `open via ${host}`);
    }
  });

  it("returns ERR_INVALID_PARAMETER for bad ports and bind addresses", () => {
    const server = TCPServer.new();
    for (const port of [-1, 65536, 1.5, Number.NaN, "80" as unknown as number]) {
      expect(server.listen(port), String(port)).toBe(ERR_INVALID_PARAMETER);
    }
    for (const address of ["", "localhost", "not an ip", "256.0.0.1", 5 as unknown as string]) {
      expect(server.listen(0, address), String(address)).toBe(ERR_INVALID_PARAMETER);
    }
    expect(server.is_listening()).toBe(false);
  });

  it("a taken port: listen() returns OK, prints an error, and is_listening() stays false", async () => {
    const takenPort = Number(serverUrl("/").split(":")[2]!.replace("/", ""));
    const server = TCPServer.new();
    servers.push(server);
    expect(server.listen(takenPort, "127.0.0.1")).toBe(OK);
    await vi.waitFor(
      () => expect(printed).toHaveBeenCalledWith(expect.stringMatching(/could not listen.*EADDRINUSE/)),
      {
        timeout: 5000,
      },
    );
    expect(server.is_listening()).toBe(false);
    expect(server.listen(0, "127.0.0.1")).toBe(OK); // free to try again
  });

  it("stop() keeps connections already taken alive", async () => {
    const server = await listening();
    const client = newPeer();
    client.connect_to_url(`ws://127.0.0.1:${server.get_local_port()}/`);
    const peer = await acceptPeer(server);
    // Both ends open: the client's own open arrives in a poll of its own, after the server side's.
    await pollUntil(
      [client, peer],
      () => peer.get_ready_state() === STATE_OPEN && client.get_ready_state() === STATE_OPEN,
      "open",
    );
    server.stop();
    expect(client.send_text("still here")).toBe(OK);
    await pollUntil([client, peer], () => peer.get_available_packet_count() === 1, "a packet");
    expect(peer.get_packet().get_string_from_utf8()).toBe("still here");
  });
});

describe("StreamPeerTCP", () => {
  it("a taken connection is STATUS_CONNECTED with the client's address and the server's port", async () => {
    expect([
      StreamPeerTCP.STATUS_NONE,
      StreamPeerTCP.STATUS_CONNECTING,
      StreamPeerTCP.STATUS_CONNECTED,
      StreamPeerTCP.STATUS_ERROR,
    ]).toEqual([0, 1, 2, 3]);
    const server = await listening();
    const client = newPeer();
    client.connect_to_url(`ws://127.0.0.1:${server.get_local_port()}/`);
    const stream = await takeConnection(server);
    expect(stream.poll()).toBe(OK);
    expect(stream.get_status()).toBe(StreamPeerTCP.STATUS_CONNECTED);
    expect(stream.get_connected_host()).toBe("127.0.0.1");
    expect(stream.get_connected_port()).toBeGreaterThan(0);
    expect(stream.get_local_port()).toBe(server.get_local_port());
    stream.set_no_delay(true);
    stream.disconnect_from_host();
    await until(() => stream.get_status() === StreamPeerTCP.STATUS_NONE, "STATUS_NONE");
    expect(stream.get_connected_host()).toBe("");
    expect(stream.get_connected_port()).toBe(0);
    expect(stream.get_local_port()).toBe(0);
    await pollUntilClosed(client);
    expect(client.get_close_code()).toBe(-1);
  });
});

describe("WebSocketPeer.accept_stream", () => {
  it("serves several peers at once, each with its own queue, address and close", async () => {
    const server = await listening();
    const url = `ws://127.0.0.1:${server.get_local_port()}/game?room=1`;
    const clients: WebSocketPeer[] = [];
    const peers: WebSocketPeer[] = [];
    for (let i = 0; i < 3; i++) {
      const client = newPeer();
      expect(client.connect_to_url(url)).toBe(OK);
      clients.push(client);
      peers.push(await acceptPeer(server));
    }
    const all = [...clients, ...peers];
    await pollUntil(all, () => all.every((p) => p.get_ready_state() === STATE_OPEN), "all open");
    for (const [i, peer] of peers.entries()) {
      expect(peer.get_requested_url()).toBe(url); // "ws://" + Host + path, as Godot builds it
      expect(peer.get_connected_host()).toBe("127.0.0.1");
      expect(peer.get_connected_port()).toBeGreaterThan(0);
      expect(peer.get_selected_protocol()).toBe("");
      expect(peer.send_text(`welcome ${i}`)).toBe(OK);
      expect(clients[i]!.send_text(`hello from ${i}`)).toBe(OK);
    }
    await pollUntil(all, () => all.every((p) => p.get_available_packet_count() === 1), "one packet each");
    for (const [i, peer] of peers.entries()) {
      expect(peer.get_packet().get_string_from_utf8()).toBe(`hello from ${i}`);
      expect(peer.was_string_packet()).toBe(true);
      expect(clients[i]!.get_packet().get_string_from_utf8()).toBe(`welcome ${i}`);
    }
    // Binary both ways.
    expect(peers[0]!.send(new Uint8Array([1, 2, 3]))).toBe(OK);
    await pollUntil(all, () => clients[0]!.get_available_packet_count() === 1, "binary");
    expect([...clients[0]!.get_packet()]).toEqual([1, 2, 3]);
    expect(clients[0]!.was_string_packet()).toBe(false);

    clients[1]!.close(4100, "leaving");
    await pollUntil(all, () => peers[1]!.get_ready_state() === STATE_CLOSED, "peer 1 closed");
    expect(peers[1]!.get_close_code()).toBe(4100);
    expect(peers[1]!.get_close_reason()).toBe("leaving");
    expect(peers[0]!.get_ready_state()).toBe(STATE_OPEN);
    expect(peers[2]!.get_ready_state()).toBe(STATE_OPEN);

    peers[2]!.close(4200, "kicked");
    await pollUntil(all, () => clients[2]!.get_ready_state() === STATE_CLOSED, "client 2 closed");
    expect(clients[2]!.get_close_code()).toBe(4200);
    expect(clients[2]!.get_close_reason()).toBe("kicked");
    await pollUntil(all, () => peers[2]!.get_ready_state() === STATE_CLOSED, "peer 2 closed");
  });

  it("negotiates strictly: the first offered protocol the server supports", async () => {
    const server = await listening();
    const url = `ws://127.0.0.1:${server.get_local_port()}/`;
    const client = newPeer((p) => {
      p.supported_protocols = ["v2", "v1"];
    });
    client.connect_to_url(url);
    const peer = await acceptPeer(server, (p) => {
      p.supported_protocols = ["v1", "v2"];
    });
    await pollUntil([client, peer], () => client.get_ready_state() === STATE_OPEN, "open");
    await pollUntil(peer, () => peer.get_ready_state() === STATE_OPEN, "open");
    expect(client.get_selected_protocol()).toBe("v2");
    expect(peer.get_selected_protocol()).toBe("v2");
  });

  for (const [offered, supported] of [
    [[], ["v1"]],
    [["v9"], ["v1"]],
    [["v1"], []],
  ] as const) {
    it(`fails the handshake when the client offers [${offered}] and the server supports [${supported}]`, async () => {
      const server = await listening();
      const client = newPeer((p) => {
        p.supported_protocols = [...offered];
      });
      client.connect_to_url(`ws://127.0.0.1:${server.get_local_port()}/`);
      const peer = await acceptPeer(server, (p) => {
        p.supported_protocols = [...supported];
      });
      await pollUntil(
        [client, peer],
        () => client.get_ready_state() === STATE_CLOSED && peer.get_ready_state() === STATE_CLOSED,
        "both closed",
      );
      expect(peer.get_close_code()).toBe(-1);
      expect(client.get_close_code()).toBe(-1);
    });
  }

  it("sends handshake_headers lines in the 101 response", async () => {
    const server = await listening();
    const response = new Promise<Record<string, unknown>>((resolve, reject) => {
      const req = request({
        host: "127.0.0.1",
        port: server.get_local_port(),
        headers: {
          Connection: "Upgrade",
          Upgrade: "websocket",
          "Sec-WebSocket-Version": "13",
          "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
        },
      });
      req.on("upgrade", (res, socket) => {
        socket.destroy();
        resolve(res.headers);
      });
      req.on("error", reject);
      req.end();
    });
    const peer = await acceptPeer(server, (p) => {
      p.handshake_headers = ["X-Server: godot-compat"];
    });
    const timer = setInterval(() => peer.poll(), 5);
    try {
      expect((await response)["x-server"]).toBe("godot-compat");
    } finally {
      clearInterval(timer);
    }
  });

  it("inbound_buffer_size applies to accepted peers: 1009 'Message too big'", async () => {
    const server = await listening();
    const client = newPeer();
    client.connect_to_url(`ws://127.0.0.1:${server.get_local_port()}/`);
    const peer = await acceptPeer(server, (p) => {
      p.inbound_buffer_size = 10;
    });
    await pollUntil([client, peer], () => client.get_ready_state() === STATE_OPEN, "open");
    expect(client.send(new Uint8Array(20))).toBe(OK);
    await pollUntil([client, peer], () => peer.get_ready_state() === STATE_CLOSED, "peer closed");
    expect(peer.get_close_code()).toBe(1009);
    expect(peer.get_close_reason()).toBe("Message too big");
    await pollUntilClosed(client);
    expect(client.get_close_code()).toBe(1009);
  });

  it("a connection that went away before accept_stream ends CLOSED with -1", async () => {
    const server = await listening();
    const client = newPeer();
    client.connect_to_url(`ws://127.0.0.1:${server.get_local_port()}/`);
    const stream = await takeConnection(server);
    client.close(); // aborts the TCP connection while connecting
    stream.disconnect_from_host();
    const peer = newPeer();
    expect(peer.accept_stream(stream)).toBe(OK);
    await pollUntilClosed(peer);
    expect(peer.get_close_code()).toBe(-1);
  });

  it("returns ERR_INVALID_PARAMETER for anything but a taken StreamPeerTCP, and ERR_ALREADY_IN_USE when busy", async () => {
    const peer = newPeer();
    for (const bad of [null, undefined, {}, "stream", StreamPeerTCP.new()]) {
      expect(peer.accept_stream(bad as StreamPeerTCP)).toBe(ERR_INVALID_PARAMETER);
    }
    const server = await listening();
    const client = newPeer();
    client.connect_to_url(`ws://127.0.0.1:${server.get_local_port()}/`);
    const accepted = await acceptPeer(server);
    expect(accepted.accept_stream(StreamPeerTCP.new())).toBe(ERR_INVALID_PARAMETER);
    const open = await openPeer(serverUrl("/"));
    const stream2 = (async () => {
      const c = newPeer();
      c.connect_to_url(`ws://127.0.0.1:${server.get_local_port()}/`);
      return takeConnection(server);
    })();
    printed.mockClear();
    expect(open.accept_stream(await stream2)).toBe(ERR_ALREADY_IN_USE);
    // Godot's failed check prints, as its ERR_FAIL_COND_V does.
    expect(printed).toHaveBeenCalledWith(
      'ERROR: Condition "ready_state != STATE_CLOSED && ready_state != STATE_CLOSING" is true. Returning: ERR_ALREADY_IN_USE',
    );
    expect(capabilities.server).toBe(true);
  });

  it("a server peer can close at once with close(-1); the client sees an unclean close (-1)", async () => {
    const server = await listening();
    const client = newPeer();
    client.connect_to_url(`ws://127.0.0.1:${server.get_local_port()}/`);
    const peer = await acceptPeer(server);
    await pollUntil([client, peer], () => peer.get_ready_state() === STATE_OPEN, "open");
    peer.close(-1);
    expect(peer.get_ready_state()).toBe(STATE_CLOSED);
    await pollUntilClosed(client);
    expect(client.get_close_code()).toBe(-1);
    expect(client.get_close_reason()).toBe("");
  });
});
