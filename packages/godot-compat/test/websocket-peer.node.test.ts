// What WebSocketPeer does only in Node, like Godot's native build: handshake headers, TLS options,
// heartbeat pings, socket info, close codes browsers cannot send, protocol failures.
import { createHash } from "node:crypto";
import { createServer, type Server, type Socket } from "node:net";
import {
  CryptoKey,
  FAILED,
  OK,
  TCPServer,
  TLSOptions,
  WebSocketPeer,
  X509Certificate,
} from "@wsport/godot-compat";
import { describe, expect, it } from "vitest";
import { delay, serverUrl } from "../../../test/events.ts";
import { capturePrints, newPeer, nextPacket, openPeer, pollUntil, pollUntilClosed } from "./helpers.ts";

const { STATE_OPEN, STATE_CLOSED } = WebSocketPeer;

const prints = capturePrints();

describe("handshake_headers and TLS options", () => {
  it("sends each handshake_headers line in the request", async () => {
    const peer = await openPeer(serverUrl("/echo-headers"), (p) => {
      p.handshake_headers = ["X-Game-Token: abc123", "X-Team:red"];
    });
    const seen = JSON.parse((await nextPacket(peer)).get_string_from_utf8());
    expect(seen.headers["x-game-token"]).toBe("abc123");
    expect(seen.headers["x-team"]).toBe("red");
  });

  it("rejects a handshake_headers line that is not 'Name: value'", () => {
    const peer = newPeer((p) => {
      p.handshake_headers = ["no colon here"];
    });
    expect(peer.connect_to_url(serverUrl("/"))).toBe(31);
    expect(peer.get_ready_state()).toBe(STATE_CLOSED);
  });

  it("wss:// with TLS options against a plain server fails in poll() with -1", async () => {
    const port = serverUrl("/").split(":")[2]!.replace("/", "");
    const peer = newPeer();
    expect(peer.connect_to_url(`wss://127.0.0.1:${port}/`, TLSOptions.client_unsafe())).toBe(OK);
    await pollUntilClosed(peer);
    expect(peer.get_close_code()).toBe(-1);
  });

  it("TLSOptions: factories and accessors", () => {
    const client = TLSOptions.client("CA PEM", "example.com");
    expect(client.is_server()).toBe(false);
    expect(client.is_unsafe_client()).toBe(false);
    expect(client.get_trusted_ca_chain()).toBe("CA PEM");
    expect(client.get_common_name_override()).toBe("example.com");
    const unsafe = TLSOptions.client_unsafe();
    expect(unsafe.is_unsafe_client()).toBe(true);
    expect(unsafe.get_trusted_ca_chain()).toBe(null);
    const key = new CryptoKey();
    const certificate = new X509Certificate();
    const server = TLSOptions.server(key, certificate);
    expect(server.is_server()).toBe(true);
    expect(server.get_private_key()).toBe(key);
    expect(server.get_own_certificate()).toBe(certificate);
    expect(TLSOptions.client().get_private_key()).toBe(null);
    expect(TLSOptions.client().get_own_certificate()).toBe(null);
    expect(() => new (TLSOptions as unknown as new () => TLSOptions)()).toThrow(TypeError);
  });
});

describe("socket info", () => {
  it("get_connected_host / get_connected_port name the server; '' and 0 with an error once closed", async () => {
    const port = Number(serverUrl("/").split(":")[2]!.replace("/", ""));
    const peer = await openPeer(serverUrl("/"));
    expect(peer.get_connected_host()).toBe("127.0.0.1");
    expect(peer.get_connected_port()).toBe(port);
    peer.set_no_delay(false);
    peer.set_no_delay(true);
    expect(prints.spy).not.toHaveBeenCalled();
    peer.close(-1);
    expect(peer.get_connected_host()).toBe("");
    expect(peer.get_connected_port()).toBe(0);
    peer.set_no_delay(true);
    expect(prints.spy).toHaveBeenCalledTimes(3);
  });
});

describe("close codes and failures only native builds see", () => {
  it("close(0) sends a close frame without a status; the echo reads as 0", async () => {
    const peer = await openPeer(serverUrl("/"));
    peer.close(0);
    await pollUntilClosed(peer);
    expect(peer.get_close_code()).toBe(0);
  });

  it("any valid close code can be sent (1001 here)", async () => {
    const peer = await openPeer(serverUrl("/"));
    peer.close(1001, "going");
    await pollUntilClosed(peer);
    expect(peer.get_close_code()).toBe(1001);
    expect(peer.get_close_reason()).toBe("going");
  });

  it("invalid UTF-8 in a text frame closes with 1007 'Invalid frame payload data'", async () => {
    const peer = newPeer();
    peer.connect_to_url(serverUrl("/invalid-utf8"));
    await pollUntilClosed(peer);
    expect(peer.get_close_code()).toBe(1007);
    expect(peer.get_close_reason()).toBe("Invalid frame payload data");
  });

  it("a malformed frame closes with 1002 'Protocol error'", async () => {
    const peer = newPeer();
    peer.connect_to_url(serverUrl("/garbage"));
    await pollUntilClosed(peer);
    expect(peer.get_close_code()).toBe(1002);
    expect(peer.get_close_reason()).toBe("Protocol error");
  });

  it("server pings are answered and never show as packets", async () => {
    const peer = await openPeer(serverUrl("/ping"));
    peer.send_text("after ping");
    expect((await nextPacket(peer)).get_string_from_utf8()).toBe("after ping");
    expect(peer.get_available_packet_count()).toBe(0);
  });
});

/** A server that completes the WebSocket handshake and then never answers anything (no pongs). */
function deadPeerServer(): Promise<{ server: Server; port: number; sockets: Socket[] }> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    sockets.push(socket);
    socket.once("data", (request) => {
      const key = /sec-websocket-key: *(\S+)/i.exec(request.toString())?.[1] ?? "";
      const accept = createHash("sha1").update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest("base64");
      socket.write(
        `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
      );
      socket.on("data", () => {}); // read and ignore: pings go unanswered
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve({ server, port: typeof address === "object" && address ? address.port : 0, sockets });
    }),
  );
}

describe("heartbeat_interval", () => {
  it("drops a peer that does not answer pings: STATE_CLOSED with -1", async () => {
    const dead = await deadPeerServer();
    try {
      const peer = await openPeer(`ws://127.0.0.1:${dead.port}/`, (p) => {
        p.heartbeat_interval = 0.05;
      });
      await pollUntilClosed(peer);
      expect(peer.get_close_code()).toBe(-1);
    } finally {
      for (const socket of dead.sockets) socket.destroy();
      dead.server.close();
    }
  });

  it("keeps a peer that answers pings open", async () => {
    // The answering peer runs in this worker: the shared test server lives in vitest's main process,
    // next to the browser project's Vite server, whose pauses under load could delay a pong (and
    // the echo) past the interval.
    const server = TCPServer.new();
    try {
      expect(server.listen(0, "127.0.0.1")).toBe(OK);
      await pollUntil([], () => server.is_listening(), "listening");
      const peer = newPeer((p) => {
        p.heartbeat_interval = 0.25; // wide enough that a loaded CI machine still answers in time
      });
      expect(peer.connect_to_url(`ws://127.0.0.1:${server.get_local_port()}/`)).toBe(OK);
      await pollUntil(peer, () => server.is_connection_available(), "a connection");
      const remote = newPeer(); // answers pings by itself, without a poll
      expect(remote.accept_stream(server.take_connection())).toBe(OK);
      await pollUntil([peer, remote], () => peer.get_ready_state() === STATE_OPEN, "STATE_OPEN");
      const end = Date.now() + 800; // at least two pings go out and are answered
      while (Date.now() < end) {
        peer.poll();
        remote.poll();
        await delay(5);
      }
      expect(peer.get_ready_state()).toBe(STATE_OPEN);
      expect(peer.send_text("still here")).toBe(OK);
      await pollUntil(
        [peer, remote],
        () => remote.get_available_packet_count() > 0,
        "the message at the server",
      );
      expect(remote.send(remote.get_packet(), WebSocketPeer.WRITE_MODE_TEXT)).toBe(OK); // echo it
      expect((await nextPacket(peer)).get_string_from_utf8()).toBe("still here");
    } finally {
      server.stop();
    }
  });

  it("changing it to 0 turns pings off at once", async () => {
    const dead = await deadPeerServer();
    try {
      const peer = await openPeer(`ws://127.0.0.1:${dead.port}/`, (p) => {
        p.heartbeat_interval = 0.02;
      });
      peer.heartbeat_interval = 0;
      await pollUntil(peer, () => false, "nothing", 150).catch(() => {});
      expect(peer.get_ready_state()).toBe(STATE_OPEN);
      peer.close(-1);
    } finally {
      for (const socket of dead.sockets) socket.destroy();
      dead.server.close();
    }
  });
});

describe("sending after a remote close", () => {
  it("returns FAILED", async () => {
    const peer = newPeer();
    peer.connect_to_url(serverUrl("/close/4000"));
    await pollUntilClosed(peer);
    expect(peer.send_text("late")).toBe(FAILED);
  });
});

describe("many sends in one frame", () => {
  // Node writes one task's frames together (core's holdWrites); like Godot's native peer, which writes each
  // frame at once, the frames a task hands over count neither as buffered bytes nor as queued frames.
  it("150 packets of 1000 B in one task pass max_queued_packets 100 and the default outbound_buffer_size, and arrive in order", async () => {
    const peer = await openPeer(serverUrl("/"), (p) => {
      p.inbound_buffer_size = 1 << 20;
    });
    peer.max_queued_packets = 100; // read on every send (the inbound queue keeps the size it had when connecting)
    const results = Array.from({ length: 150 }, (_, i) => peer.put_packet(new Uint8Array(1000).fill(i)));
    expect(results.every((result) => result === OK)).toBe(true);
    expect(peer.get_current_outbound_buffered_amount()).toBe(0);
    const firsts: number[] = [];
    await pollUntil(
      peer,
      () => {
        while (peer.get_available_packet_count() > 0) firsts.push(peer.get_packet()[0]!);
        return firsts.length === 150;
      },
      "150 echoes",
    );
    expect(firsts).toEqual(Array.from({ length: 150 }, (_, i) => i));
    expect(prints.spy).not.toHaveBeenCalled();
  });
});
