// WebSocketPeer as a client against the test server, in Node and in Chromium. Where the two
// runtimes differ the way Godot's native and Web builds differ, the expectation says so.
import { capabilities } from "@wsport/core";
import {
  Color,
  CryptoKey,
  ERR_ALREADY_IN_USE,
  ERR_INVALID_DATA,
  ERR_INVALID_PARAMETER,
  ERR_OUT_OF_MEMORY,
  ERR_UNAVAILABLE,
  FAILED,
  NodePath,
  OK,
  PackedByteArray,
  PackedInt32Array,
  PackedStringArray,
  PackedVector3Array,
  StringName,
  TLSOptions,
  Transform3D,
  TYPE_INT,
  TypedArray,
  to_utf8_buffer,
  Vector2,
  Vector3,
  Vector3i,
  WebSocketPeer,
  X509Certificate,
} from "@wsport/godot-compat";
import { describe, expect, it, vi } from "vitest";
import {
  byteDifference,
  currentEngine,
  delay,
  patternBytes,
  refusedUrl,
  serverUrl,
} from "../../../test/events.ts";
import { until } from "../../../test/until.mjs";
import { capturePrints, newPeer, nextPacket, openPeer, pollUntil, pollUntilClosed } from "./helpers.ts";

const BROWSER = capabilities.runtime === "browser";
/** The close code of a connection that ended without a close frame: -1 native, the browser's own on Web. */
const UNCLEAN = BROWSER ? 1006 : -1;
const { STATE_CONNECTING, STATE_OPEN, STATE_CLOSING, STATE_CLOSED } = WebSocketPeer;

const prints = capturePrints();
/** What Godot prints when a send finds the peer not open. */
const NOT_OPEN = 'ERROR: Condition "ready_state != STATE_OPEN" is true. Returning: FAILED';

describe("WebSocketPeer: enums, defaults, construction", () => {
  it("has Godot's State and WriteMode values", () => {
    expect([STATE_CONNECTING, STATE_OPEN, STATE_CLOSING, STATE_CLOSED]).toEqual([0, 1, 2, 3]);
    expect([WebSocketPeer.WRITE_MODE_TEXT, WebSocketPeer.WRITE_MODE_BINARY]).toEqual([0, 1]);
  });

  it("WebSocketPeer.new() and new WebSocketPeer() give a closed peer with Godot's defaults", () => {
    for (const peer of [WebSocketPeer.new(), new WebSocketPeer()]) {
      expect(peer).toBeInstanceOf(WebSocketPeer);
      expect(peer.get_ready_state()).toBe(STATE_CLOSED);
      expect(peer.get_close_code()).toBe(-1);
      expect(peer.get_close_reason()).toBe("");
      expect(peer.get_selected_protocol()).toBe("");
      expect(peer.get_requested_url()).toBe("");
      expect(peer.get_available_packet_count()).toBe(0);
      expect(peer.get_current_outbound_buffered_amount()).toBe(0);
      expect(peer.was_string_packet()).toBe(false);
      expect(peer.get_packet_error()).toBe(OK);
      expect(peer.supported_protocols).toEqual([]);
      expect(peer.handshake_headers).toEqual([]);
      expect(peer.inbound_buffer_size).toBe(65535);
      expect(peer.outbound_buffer_size).toBe(65535);
      expect(peer.max_queued_packets).toBe(4096);
      expect(peer.heartbeat_interval).toBe(0);
      expect(peer.encode_buffer_max_size).toBe(8388608);
      peer.poll(); // nothing to do
      expect(peer.get_ready_state()).toBe(STATE_CLOSED);
    }
  });

  it("ignores arguments to the constructor, as Godot's .new() takes none", async () => {
    const Peer = WebSocketPeer as unknown as new (...args: unknown[]) => WebSocketPeer;
    for (const junk of [5, "x", {}, { createHeartbeat: 1 }, null]) {
      const peer = new Peer(junk);
      expect(peer.get_ready_state()).toBe(STATE_CLOSED);
    }
    const peer = new Peer({ unexpected: true });
    expect(peer.connect_to_url(serverUrl("/"))).toBe(OK);
    await pollUntil(peer, () => peer.get_ready_state() === STATE_OPEN, "open");
    peer.close();
    await pollUntilClosed(peer);
  });
});

describe("WebSocketPeer: properties", () => {
  it("supported_protocols trims entries and reads back a copy", () => {
    const peer = new WebSocketPeer();
    peer.supported_protocols = [" chat ", "game"];
    const copy = peer.supported_protocols;
    expect(copy).toEqual(["chat", "game"]);
    copy.push("changed");
    expect(peer.supported_protocols).toEqual(["chat", "game"]);
    peer.supported_protocols = "chat" as unknown as string[];
    expect(peer.supported_protocols).toEqual(["chat", "game"]);
    expect(prints.spy).toHaveBeenCalledTimes(1);
  });

  it("handshake_headers reads back a copy and rejects a non-array", () => {
    const peer = new WebSocketPeer();
    peer.handshake_headers = ["X-Token: 1"];
    peer.handshake_headers.push("X-Other: 2");
    expect(peer.handshake_headers).toEqual(["X-Token: 1"]);
    peer.handshake_headers = null as unknown as string[];
    expect(peer.handshake_headers).toEqual(["X-Token: 1"]);
    expect(prints.spy).toHaveBeenCalledTimes(1);
  });

  it("heartbeat_interval is whole milliseconds and rejects negative values", () => {
    const peer = new WebSocketPeer();
    peer.heartbeat_interval = 0.0257;
    expect(peer.heartbeat_interval).toBe(0.025);
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY, "1" as unknown as number]) {
      peer.heartbeat_interval = bad;
      expect(peer.heartbeat_interval).toBe(0.025);
    }
    expect(prints.spy).toHaveBeenCalledTimes(4);
  });

  it("encode_buffer_max_size takes 1 KiB to 256 MiB, rounded up to a power of two", () => {
    const peer = new WebSocketPeer();
    peer.encode_buffer_max_size = 3000;
    expect(peer.encode_buffer_max_size).toBe(4096);
    peer.encode_buffer_max_size = 1024;
    expect(peer.encode_buffer_max_size).toBe(1024);
    for (const bad of [1023, 256 * 1024 * 1024 + 1, Number.NaN]) {
      peer.encode_buffer_max_size = bad;
      expect(peer.encode_buffer_max_size).toBe(1024);
    }
    expect(prints.spy).toHaveBeenCalledTimes(3);
  });
});

describe("WebSocketPeer: connect_to_url", () => {
  it("is STATE_CONNECTING at once and STATE_OPEN only after a poll()", async () => {
    const url = serverUrl("/");
    const peer = newPeer();
    expect(peer.connect_to_url(url)).toBe(OK);
    expect(peer.get_ready_state()).toBe(STATE_CONNECTING);
    expect(peer.get_requested_url()).toBe(url);
    // The state may change only inside poll(): between polls (where the open arrives) it stays what the
    // last poll left, and the test ends only once the connection has opened.
    let seen = peer.get_ready_state();
    const openedInPoll = () => {
      expect(peer.get_ready_state()).toBe(seen);
      peer.poll();
      seen = peer.get_ready_state();
      return seen === STATE_OPEN;
    };
    await until(openedInPoll, "open");
    expect(peer.get_close_code()).toBe(-1);
  });

  it("returns ERR_ALREADY_IN_USE while connecting or open", async () => {
    const peer = newPeer();
    expect(peer.connect_to_url(serverUrl("/"))).toBe(OK);
    expect(peer.connect_to_url(serverUrl("/"))).toBe(ERR_ALREADY_IN_USE);
    await pollUntil(peer, () => peer.get_ready_state() === STATE_OPEN, "open");
    expect(peer.connect_to_url(serverUrl("/"))).toBe(ERR_ALREADY_IN_USE);
    // Godot's ERR_FAIL_COND_V print each time; the connection goes on.
    expect(prints.spy.mock.calls).toEqual([
      [
        expect.stringContaining(
          'Condition "ready_state != STATE_CLOSED && ready_state != STATE_CLOSING" is true',
        ),
      ],
      [
        expect.stringContaining(
          'Condition "ready_state != STATE_CLOSED && ready_state != STATE_CLOSING" is true',
        ),
      ],
    ]);
    expect(peer.get_ready_state()).toBe(STATE_OPEN);
  });

  it("returns ERR_INVALID_PARAMETER for bad URLs and server TLS options, and stays closed", () => {
    const peer = newPeer();
    const bad = [
      "",
      "http://127.0.0.1/",
      "ftp://host/",
      "ws:///",
      "ws://host:0/",
      "ws://host:65536/",
      "ws://host:port/",
      "ws://[::1/",
      "ws://a:1:2/",
      undefined,
      42,
    ];
    for (const url of bad) {
      expect(peer.connect_to_url(url as string), String(url)).toBe(ERR_INVALID_PARAMETER);
      expect(peer.get_ready_state()).toBe(STATE_CLOSED);
    }
    expect(
      peer.connect_to_url(serverUrl("/"), TLSOptions.server(new CryptoKey(), new X509Certificate())),
    ).toBe(ERR_INVALID_PARAMETER);
    for (const notTls of [{}, "tls", 5, Object.create(null)]) {
      expect(peer.connect_to_url(serverUrl("/"), notTls as never), String(typeof notTls)).toBe(
        ERR_INVALID_PARAMETER,
      );
    }
    expect(peer.get_ready_state()).toBe(STATE_CLOSED);
    expect(prints.spy).toHaveBeenCalled();
  });

  it("reads URLs as Godot does: no scheme means ws://, the fragment and user info are dropped", async () => {
    const port = serverUrl("/").split(":")[2]!.replace("/", "");
    const url = `USER@127.0.0.1:${port}/echo?x=1#fragment`;
    const peer = await openPeer(url);
    expect(peer.get_requested_url()).toBe(url);
    const upper = await openPeer(`WS://127.0.0.1:${port}`);
    expect(upper.get_ready_state()).toBe(STATE_OPEN);
  });

  it("a refused connection ends CLOSED in poll(), with code -1 (Web: the browser's 1006)", async () => {
    const peer = newPeer();
    expect(peer.connect_to_url(refusedUrl("/"))).toBe(OK);
    expect(peer.get_ready_state()).toBe(STATE_CONNECTING);
    await pollUntilClosed(peer);
    expect(peer.get_close_code()).toBe(UNCLEAN);
    expect(peer.get_close_reason()).toBe("");
  });

  it("a rejected handshake ends CLOSED with an unclean code", async () => {
    const peer = newPeer();
    expect(peer.connect_to_url(serverUrl("/reject/403"))).toBe(OK);
    await pollUntilClosed(peer);
    expect(peer.get_close_code()).toBe(UNCLEAN);
  });

  it("offers supported_protocols and reports the selected one after poll()", async () => {
    const peer = newPeer((p) => {
      p.supported_protocols = ["chat", "game"];
    });
    expect(peer.connect_to_url(serverUrl("/"))).toBe(OK);
    expect(peer.get_selected_protocol()).toBe("");
    await pollUntil(peer, () => peer.get_ready_state() === STATE_OPEN, "open");
    expect(peer.get_selected_protocol()).toBe("chat");
  });

  it("fails when the server selects none of the offered protocols (Firefox and WebKit open it)", async () => {
    const peer = newPeer((p) => {
      p.supported_protocols = ["refuse-me"];
    });
    expect(peer.connect_to_url(serverUrl("/"))).toBe(OK);
    if (["firefox", "webkit"].includes(currentEngine())) {
      // Their native WebSocket accepts a 101 without the header (README, Node vs browser).
      await pollUntil(peer, () => peer.get_ready_state() === STATE_OPEN, "open");
      expect(peer.get_selected_protocol()).toBe("");
      peer.close();
      return;
    }
    await pollUntilClosed(peer);
    expect(peer.get_close_code()).toBe(UNCLEAN);
    expect(peer.get_selected_protocol()).toBe("");
  });

  it("rejects protocols that are not tokens", () => {
    const peer = newPeer((p) => {
      p.supported_protocols = ["has space"];
    });
    expect(peer.connect_to_url(serverUrl("/"))).toBe(ERR_INVALID_PARAMETER);
  });

  it("connecting again after CLOSED resets the close code, protocol and queues", async () => {
    const peer = newPeer();
    peer.connect_to_url(serverUrl("/close/4000/first"));
    await pollUntilClosed(peer);
    expect(peer.get_close_code()).toBe(4000);
    expect(peer.connect_to_url(serverUrl("/"))).toBe(OK);
    expect(peer.get_close_code()).toBe(-1);
    expect(peer.get_close_reason()).toBe("");
    await pollUntil(peer, () => peer.get_ready_state() === STATE_OPEN, "open");
  });

  it("connecting again resets was_string_packet() and drops packets left from the previous connection", async () => {
    const peer = await openPeer(serverUrl("/drop?after=2")); // echoes two messages, then drops the connection
    expect(peer.send_text("one")).toBe(OK);
    expect(peer.send_text("two")).toBe(OK);
    await pollUntilClosed(peer);
    expect(peer.get_available_packet_count()).toBe(2); // still readable after a remote close
    expect(peer.get_packet().get_string_from_utf8()).toBe("one");
    expect(peer.was_string_packet()).toBe(true);
    expect(peer.get_available_packet_count()).toBe(1);

    expect(peer.connect_to_url(serverUrl("/"))).toBe(OK);
    expect(peer.was_string_packet()).toBe(false);
    expect(peer.get_available_packet_count()).toBe(0);
    await pollUntil(peer, () => peer.get_ready_state() === STATE_OPEN, "open");
    expect(peer.get_available_packet_count()).toBe(0);
    expect(peer.get_packet().size()).toBe(0); // "two" is gone
    expect(peer.get_packet_error()).toBe(ERR_UNAVAILABLE);
    expect(peer.send(new Uint8Array([7]))).toBe(OK);
    expect([...(await nextPacket(peer))]).toEqual([7]);
    expect(peer.was_string_packet()).toBe(false);
  });

  it("accepts client TLSOptions (ignored in browsers) for a ws:// URL and opens", async () => {
    const peer = newPeer();
    expect(peer.connect_to_url(serverUrl("/"), TLSOptions.client())).toBe(OK);
    expect(peer.get_ready_state()).toBe(STATE_CONNECTING);
    await pollUntil(peer, () => peer.get_ready_state() === STATE_OPEN, "open");
    expect(peer.send_text("over ws://")).toBe(OK);
    expect((await nextPacket(peer)).get_string_from_utf8()).toBe("over ws://");
    expect(prints.spy).not.toHaveBeenCalled();
  });

  it("connecting again while CLOSING is allowed and forgets the old connection", async () => {
    const peer = await openPeer(serverUrl("/"));
    peer.close();
    expect(peer.get_ready_state()).toBe(STATE_CLOSING);
    expect(peer.connect_to_url(serverUrl("/"))).toBe(OK);
    await pollUntil(peer, () => peer.get_ready_state() === STATE_OPEN, "open");
    // The old connection can carry no marker (it is closing, and no longer the peer's): a fixed wait
    // gives its close time to arrive.
    await delay(100);
    peer.poll();
    expect(peer.get_ready_state()).toBe(STATE_OPEN); // the old connection's close is not ours
  });
});

describe("WebSocketPeer: sending and receiving", () => {
  it("send refuses a write_mode other than WRITE_MODE_TEXT or WRITE_MODE_BINARY, sending nothing", async () => {
    const peer = await openPeer(serverUrl("/"));
    for (const mode of [7, -1, 0.5, "1", null]) {
      // @ts-expect-error only WRITE_MODE_TEXT (0) and WRITE_MODE_BINARY (1) are write modes
      expect(peer.send(to_utf8_buffer("lost"), mode)).toBe(ERR_INVALID_PARAMETER);
    }
    expect(prints.spy.mock.calls[0]).toEqual([
      "ERROR: send() needs WRITE_MODE_TEXT (0) or WRITE_MODE_BINARY (1), got a number (7).",
    ]);
    expect(prints.spy).toHaveBeenCalledTimes(5);
    expect(peer.send_text("after")).toBe(OK);
    expect((await nextPacket(peer)).get_string_from_utf8()).toBe("after"); // nothing else was sent
  });

  it("packets become visible only inside poll()", async () => {
    const peer = await openPeer(serverUrl("/"));
    expect(peer.send_text("hello")).toBe(OK);
    // Between polls (where the echo arrives) the count stays what the last poll left; the test ends
    // only once the packet has arrived, so it cannot pass because the echo was slow.
    let seen = peer.get_available_packet_count();
    const visibleInPoll = () => {
      expect(peer.get_available_packet_count()).toBe(seen);
      peer.poll();
      seen = peer.get_available_packet_count();
      return seen === 1;
    };
    await until(visibleInPoll, "one packet");
  });

  it("round-trips text and binary; was_string_packet describes the last packet taken", async () => {
    const peer = await openPeer(serverUrl("/"));
    expect(peer.send_text("héllo ✓")).toBe(OK);
    expect(peer.send(new Uint8Array([1, 2, 255]))).toBe(OK);
    expect(peer.send(to_utf8_buffer("as text"), WebSocketPeer.WRITE_MODE_TEXT)).toBe(OK);
    expect(peer.put_packet(new Uint8Array([9]))).toBe(OK);
    await pollUntil(peer, () => peer.get_available_packet_count() === 4, "four packets");
    expect(peer.was_string_packet()).toBe(false); // nothing taken yet

    const text = peer.get_packet();
    expect(text).toBeInstanceOf(PackedByteArray);
    expect(peer.was_string_packet()).toBe(true);
    expect(text.get_string_from_utf8()).toBe("héllo ✓");
    expect(peer.get_packet_error()).toBe(OK);

    const binary = peer.get_packet();
    expect(peer.was_string_packet()).toBe(false);
    expect([...binary]).toEqual([1, 2, 255]);

    expect(peer.get_packet().get_string_from_utf8()).toBe("as text");
    expect(peer.was_string_packet()).toBe(true);
    expect([...peer.get_packet()]).toEqual([9]);
    expect(peer.was_string_packet()).toBe(false);
    expect(peer.get_available_packet_count()).toBe(0);
  });

  it("get_packet on an empty queue returns an empty array and ERR_UNAVAILABLE (FAILED when not open)", async () => {
    const closed = new WebSocketPeer();
    expect(closed.get_packet().size()).toBe(0);
    expect(closed.get_packet_error()).toBe(FAILED);
    const peer = await openPeer(serverUrl("/"));
    expect(peer.get_packet().size()).toBe(0);
    expect(peer.get_packet_error()).toBe(ERR_UNAVAILABLE);
  });

  it("send() of an empty array sends an empty frame; put_packet() of one sends nothing", async () => {
    const peer = await openPeer(serverUrl("/"));
    expect(peer.put_packet(new Uint8Array(0))).toBe(OK);
    expect(peer.send(new Uint8Array(0))).toBe(OK);
    expect(peer.send_text("after")).toBe(OK);
    await pollUntil(peer, () => peer.get_available_packet_count() === 2, "two packets");
    expect(peer.get_packet().size()).toBe(0);
    expect(peer.get_packet().get_string_from_utf8()).toBe("after");
  });

  it("sending when not open returns FAILED", async () => {
    const peer = newPeer();
    expect(peer.send_text("x")).toBe(FAILED);
    peer.connect_to_url(serverUrl("/hang"));
    expect(peer.send(new Uint8Array([1]))).toBe(FAILED);
    expect(peer.put_packet(new Uint8Array([1]))).toBe(FAILED);
    peer.close(); // Chromium opens one WebSocket per host at a time: a hanging one blocks the next
    const open = await openPeer(serverUrl("/"));
    open.close();
    expect(open.send_text("x")).toBe(FAILED);
    expect(open.put_var(1)).toBe(FAILED);
    expect(prints.spy).toHaveBeenCalledWith(NOT_OPEN);
    expect(prints.spy.mock.calls.filter(([line]) => line === NOT_OPEN)).toHaveLength(5); // one per failed send
  });

  it("sending after the server's close frame returns FAILED", async () => {
    const peer = newPeer();
    peer.connect_to_url(serverUrl("/close/4000")); // open and close may both show in the same poll()
    await pollUntilClosed(peer);
    expect(peer.send_text("late")).toBe(FAILED);
    expect(peer.send(new Uint8Array([1]))).toBe(FAILED);
    expect(peer.put_packet(new Uint8Array([1]))).toBe(FAILED);
    expect(prints.spy).toHaveBeenCalledWith(NOT_OPEN);
  });

  it("server pings are answered and never show as packets", async () => {
    const peer = await openPeer(serverUrl("/ping")); // the server pings as soon as it opens
    // A marker after the ping: the echo of "after ping" comes after the ping on the same connection.
    peer.send_text("after ping");
    expect((await nextPacket(peer)).get_string_from_utf8()).toBe("after ping");
    expect(peer.was_string_packet()).toBe(true);
    expect(peer.get_available_packet_count()).toBe(0);
    expect(peer.get_ready_state()).toBe(STATE_OPEN);
  });

  it("rejects payloads of the wrong type with ERR_INVALID_PARAMETER", async () => {
    const peer = await openPeer(serverUrl("/"));
    expect(peer.send("text" as unknown as Uint8Array)).toBe(ERR_INVALID_PARAMETER);
    expect(peer.send_text(5 as unknown as string)).toBe(ERR_INVALID_PARAMETER);
    expect(peer.put_packet(null as unknown as Uint8Array)).toBe(ERR_INVALID_PARAMETER);
    expect(peer.put_packet([1, 2] as unknown as Uint8Array)).toBe(ERR_INVALID_PARAMETER);
  });

  it("put_var / get_var round-trip Godot Variants of every kind through the echo server", async () => {
    const peer = await openPeer(serverUrl("/"));
    const value = {
      type: "move",
      id: 7,
      pos: [1.5, -2],
      ok: true,
      none: null,
      raw: new PackedByteArray([1, 2]),
      big: 2n ** 62n,
      at: new Vector2(1, 2),
      cell: new Vector3i(4, 5, -6),
      tint: Color.html("#ff0000"), // components exact in float32
      where: new Transform3D(),
      path: new NodePath("/root/Main:position"),
      name: new StringName("player"),
      ids: PackedInt32Array.of(1, -2),
      tags: new PackedStringArray(["a", "é"]),
      trail: new PackedVector3Array([new Vector3(1, 2, 3)]),
      scores: new TypedArray(TYPE_INT, [3, 4]),
    };
    expect(peer.put_var(value)).toBe(OK);
    await pollUntil(peer, () => peer.get_available_packet_count() === 1, "a packet");
    expect(peer.get_var()).toEqual(value);
    expect(peer.was_string_packet()).toBe(false);
    expect(peer.get_var()).toBe(null); // empty queue
    expect(peer.get_packet_error()).toBe(OK); // get_var does not touch it
  });

  it("get_var returns null for a packet that is not a Variant", async () => {
    const peer = await openPeer(serverUrl("/"));
    peer.send_text("hello");
    await pollUntil(peer, () => peer.get_available_packet_count() === 1, "a packet");
    expect(peer.get_var()).toBe(null);
    expect(peer.was_string_packet()).toBe(true);
    expect(peer.get_available_packet_count()).toBe(0);
  });

  it("put_var returns ERR_INVALID_DATA for values it cannot encode and ERR_OUT_OF_MEMORY above encode_buffer_max_size", async () => {
    const peer = await openPeer(serverUrl("/"));
    expect(peer.put_var(() => 1)).toBe(ERR_INVALID_DATA);
    peer.encode_buffer_max_size = 1024;
    expect(peer.put_var("x".repeat(2000))).toBe(ERR_OUT_OF_MEMORY);
    expect(peer.put_var("x".repeat(100))).toBe(OK);
  });

  it("get_current_outbound_buffered_amount counts bytes not yet written, 0 unless open", async () => {
    const size = 8 * 1024 * 1024; // more than loopback's socket buffers take in one write
    const peer = await openPeer(serverUrl("/"), (p) => {
      p.inbound_buffer_size = size; // the echo stays within bounds, so the peer stays open
    });
    expect(peer.get_current_outbound_buffered_amount()).toBe(0);
    peer.outbound_buffer_size = 0;
    expect(peer.send(new Uint8Array(size))).toBe(OK);
    const queued = peer.get_current_outbound_buffered_amount();
    expect(queued).toBeGreaterThan(0);
    expect(queued).toBeLessThanOrEqual(size + 14); // the payload and at most a frame header
    await pollUntil(peer, () => peer.get_current_outbound_buffered_amount() === 0, "the send to drain");
    peer.close();
    expect(peer.get_current_outbound_buffered_amount()).toBe(0);
  });
});

describe("WebSocketPeer: limits", () => {
  it("a send beyond outbound_buffer_size returns ERR_OUT_OF_MEMORY with Godot's error print", async () => {
    const peer = await openPeer(serverUrl("/"));
    expect(peer.send(new Uint8Array(65536))).toBe(ERR_OUT_OF_MEMORY);
    expect(peer.send_text("é".repeat(32768))).toBe(ERR_OUT_OF_MEMORY); // 65536 bytes in UTF-8
    const print =
      'ERROR: Condition "outbound_buffer_size > 0 && (wslay_event_get_queued_msg_length(wsl_ctx) + p_buffer_size > (uint32_t)outbound_buffer_size)" is true. Returning: ERR_OUT_OF_MEMORY';
    expect(prints.spy.mock.calls).toEqual([[print], [print]]);
    expect(peer.send(new Uint8Array(65535))).toBe(OK);
    expect((await nextPacket(peer)).size()).toBe(65535);
  });

  it("outbound_buffer_size ≤ 0 means no byte limit", async () => {
    const peer = await openPeer(serverUrl("/"), (p) => {
      p.inbound_buffer_size = 200_000;
    });
    peer.outbound_buffer_size = 0;
    expect(peer.send(patternBytes(100_000))).toBe(OK);
    expect(byteDifference(await nextPacket(peer), patternBytes(100_000))).toBe("none");
  });

  it("a send beyond max_queued_packets returns ERR_OUT_OF_MEMORY", async () => {
    const peer = await openPeer(serverUrl("/"));
    peer.max_queued_packets = 0;
    expect(peer.send_text("x")).toBe(ERR_OUT_OF_MEMORY);
    expect(prints.spy.mock.calls).toEqual([
      [
        'ERROR: Condition "wslay_event_get_queued_msg_count(wsl_ctx) >= (uint32_t)max_queued_packets" is true. Returning: ERR_OUT_OF_MEMORY',
      ],
    ]);
    peer.max_queued_packets = 4096;
    expect(peer.send_text("x")).toBe(OK);
  });

  it("an inbound message larger than inbound_buffer_size closes with 1009 'Message too big'", async () => {
    const peer = newPeer((p) => {
      p.inbound_buffer_size = 100;
    });
    peer.connect_to_url(serverUrl("/send/200"));
    await pollUntilClosed(peer);
    expect(peer.get_close_code()).toBe(1009);
    expect(peer.get_close_reason()).toBe("Message too big");
  });

  it("inbound_buffer_size is read when connecting; changing it later has no effect", async () => {
    const peer = await openPeer(serverUrl("/send/200"));
    peer.inbound_buffer_size = 10;
    expect((await nextPacket(peer)).size()).toBe(200);
  });

  it("packets beyond max_queued_packets (read when connecting) are dropped with an error print", async () => {
    const peer = await openPeer(serverUrl("/"), (p) => {
      p.max_queued_packets = 2;
    });
    peer.max_queued_packets = 4096; // the inbound slot count stays 2; the outbound count check is live
    for (const text of ["a", "b", "c", "d"]) expect(peer.send_text(text)).toBe(OK);
    await vi.waitFor(
      () => expect(prints.spy).toHaveBeenCalledWith(expect.stringContaining("Too many packets in queue")),
      { timeout: 8000 },
    );
    await vi.waitFor(() => expect(prints.spy).toHaveBeenCalledTimes(2), { timeout: 8000 });
    peer.poll();
    expect(peer.get_available_packet_count()).toBe(2);
    expect(peer.get_packet().get_string_from_utf8()).toBe("a");
    expect(peer.get_packet().get_string_from_utf8()).toBe("b");
  });

  it("messages beyond the inbound byte limit (2^bit length of inbound_buffer_size) are dropped with an error print", async () => {
    const peer = await openPeer(serverUrl("/"), (p) => {
      p.inbound_buffer_size = 100; // 7 bits: 128 bytes may wait
    });
    for (let i = 0; i < 3; i++) expect(peer.send(patternBytes(60))).toBe(OK); // 60 + 60 fit, the third does not
    await vi.waitFor(
      () => expect(prints.spy).toHaveBeenCalledWith("ERROR: Buffer payload full! Dropping data."),
      { timeout: 8000 },
    );
    expect(prints.spy).toHaveBeenCalledTimes(1);
    peer.poll();
    expect(peer.get_available_packet_count()).toBe(2);
    expect([...peer.get_packet()]).toEqual([...patternBytes(60)]);
    expect([...peer.get_packet()]).toEqual([...patternBytes(60)]);
    expect(peer.get_available_packet_count()).toBe(0);
    // Taking them frees the space: the next one fits again.
    expect(peer.send(patternBytes(100))).toBe(OK);
    expect((await nextPacket(peer)).size()).toBe(100);
    expect(prints.spy).toHaveBeenCalledTimes(1);
    expect(peer.get_ready_state()).toBe(STATE_OPEN);
  });
});

describe("WebSocketPeer: closing", () => {
  it("close() drops unread packets, is CLOSING at once and CLOSED after the handshake, with the echoed code", async () => {
    const peer = await openPeer(serverUrl("/"));
    peer.send_text("unread");
    await pollUntil(peer, () => peer.get_available_packet_count() === 1, "a packet");
    peer.close(4001, "bye");
    expect(peer.get_ready_state()).toBe(STATE_CLOSING);
    expect(peer.get_available_packet_count()).toBe(0);
    await pollUntilClosed(peer);
    expect(peer.get_close_code()).toBe(4001);
    expect(peer.get_close_reason()).toBe("bye");
  });

  it("close() defaults to code 1000", async () => {
    const peer = await openPeer(serverUrl("/"));
    peer.close();
    await pollUntilClosed(peer);
    expect(peer.get_close_code()).toBe(1000);
    expect(peer.get_close_reason()).toBe("");
  });

  it("close() while CONNECTING is CLOSED at once with code -1", async () => {
    const peer = newPeer();
    peer.connect_to_url(serverUrl("/hang"));
    peer.close();
    expect(peer.get_ready_state()).toBe(STATE_CLOSED);
    expect(peer.get_close_code()).toBe(-1);
    // The dropped connection can carry no marker: a fixed wait gives a wrong late event time to show.
    await delay(50);
    peer.poll();
    expect(peer.get_ready_state()).toBe(STATE_CLOSED);
  });

  it.each([
    ["OPEN", false],
    ["CLOSING", true],
  ])(
    "a negative code closes at once without waiting for the peer (from STATE_%s)",
    async (_, closingFirst) => {
      const peer = await openPeer(serverUrl("/"));
      if (closingFirst) {
        peer.close();
        expect(peer.get_ready_state()).toBe(STATE_CLOSING);
      }
      peer.close(-1);
      expect(peer.get_ready_state()).toBe(STATE_CLOSED);
      expect(peer.get_close_code()).toBe(-1);
      // The dropped connection can carry no marker: a fixed wait gives a wrong late event time to show.
      await delay(50);
      peer.poll();
      expect(peer.get_close_code()).toBe(-1);
    },
  );

  it("close() when CLOSED or CLOSING only clears the queue", async () => {
    const fresh = new WebSocketPeer();
    fresh.close();
    expect(fresh.get_ready_state()).toBe(STATE_CLOSED);
    const peer = await openPeer(serverUrl("/"));
    peer.close(4002);
    peer.close(4003);
    await pollUntilClosed(peer);
    expect(peer.get_close_code()).toBe(4002);
    peer.close();
    expect(peer.get_close_code()).toBe(4002);
  });

  it("a close() code the runtime cannot send prints an error and changes nothing", async () => {
    const peer = await openPeer(serverUrl("/"));
    peer.close(1005);
    expect(peer.get_ready_state()).toBe(STATE_OPEN);
    peer.close(4000, "x".repeat(124));
    expect(peer.get_ready_state()).toBe(STATE_OPEN);
    expect(prints.spy).toHaveBeenCalledTimes(2);
  });

  it("a remote close is seen on the next poll(), with its code and reason", async () => {
    const peer = newPeer();
    peer.connect_to_url(serverUrl("/close/4000/server%20says%20bye")); // open and close may both show in the same poll()
    await pollUntilClosed(peer);
    expect(peer.get_close_code()).toBe(4000);
    expect(peer.get_close_reason()).toBe("server says bye");
    expect(peer.get_close_code() !== -1).toBe(true); // the docs' "clean" idiom
  });

  it("a remote close frame without a status: 0 natively, the browser's 1005 on Web", async () => {
    const peer = newPeer();
    peer.connect_to_url(serverUrl("/close/none")); // open and close may both show in the same poll()
    await pollUntilClosed(peer);
    expect(peer.get_close_code()).toBe(BROWSER ? 1005 : 0);
  });

  it("close(0) sends a close frame without a status: the echo reads as 0 natively, the browser's 1005 on Web", async () => {
    const peer = await openPeer(serverUrl("/"));
    peer.close(0);
    expect(peer.get_ready_state()).toBe(STATE_CLOSING);
    await pollUntilClosed(peer);
    expect(peer.get_close_code()).toBe(BROWSER ? 1005 : 0);
    expect(peer.get_close_reason()).toBe("");
    expect(prints.spy).not.toHaveBeenCalled();
  });

  it.each([
    ["invalid UTF-8 in a text frame", "/invalid-utf8", 1007, "Invalid frame payload data"],
    ["a malformed frame", "/garbage", 1002, "Protocol error"],
  ])("%s: %i natively with Godot's reason, the browser's 1006 on Web", async (_, path, code, reason) => {
    const peer = newPeer();
    peer.connect_to_url(serverUrl(path)); // open and close may both show in the same poll()
    await pollUntilClosed(peer);
    expect(peer.get_close_code()).toBe(BROWSER ? 1006 : code);
    expect(peer.get_close_reason()).toBe(BROWSER ? "" : reason);
    expect(peer.get_available_packet_count()).toBe(0);
  });

  it("a dropped TCP connection: -1 natively, the browser's 1006 on Web", async () => {
    const peer = newPeer();
    peer.connect_to_url(serverUrl("/drop")); // open and close may both show in the same poll()
    await pollUntilClosed(peer);
    expect(peer.get_close_code()).toBe(UNCLEAN);
    expect(peer.get_close_reason()).toBe("");
  });

  it("packets that arrived before a remote close can still be read", async () => {
    const peer = await openPeer(serverUrl("/drop?after=1"));
    peer.send_text("last words");
    await pollUntilClosed(peer);
    expect(peer.get_available_packet_count()).toBe(1);
    expect(peer.get_packet().get_string_from_utf8()).toBe("last words");
    expect(peer.get_packet_error()).toBe(OK);
    expect(peer.get_packet().size()).toBe(0);
    expect(peer.get_packet_error()).toBe(FAILED);
  });
});
