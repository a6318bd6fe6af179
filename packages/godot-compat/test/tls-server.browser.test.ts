// A browser client of the wss:// server Godot's TLS path builds in Node (TCPServer →
// StreamPeerTLS.accept_stream → WebSocketPeer.accept_stream, test/tls-echo-server.ts, started by
// this package's global setup). The server's certificate is self-signed by Crypto; each browser
// trusts it through its launch options (test/chromium.mjs, test/firefox.mjs, test/webkit.mjs), as a
// developer would on a test machine. TLS options are ignored in browsers, so none are passed.
import { OK, PackedByteArray, WebSocketPeer } from "@wsport/godot-compat";
import { expect, inject, it } from "vitest";
import { capturePrints, newPeer, nextPacket, pollUntil, pollUntilClosed } from "./helpers.ts";

const prints = capturePrints();
const url = () => `wss://127.0.0.1:${inject("godotTlsEchoPort")}/chat`;

it(`a WebSocketPeer in ${inject("browser")} opens wss:// to the Godot-style TLS server and gets its echo`, async () => {
  const client = newPeer();
  expect(client.connect_to_url(url())).toBe(OK);
  await pollUntil(client, () => client.get_ready_state() === WebSocketPeer.STATE_OPEN, "STATE_OPEN");

  // The server's WebSocketPeer runs over a StreamPeerTLS, so it reports the URL as wss://.
  expect(client.send_text("url?")).toBe(OK);
  expect((await nextPacket(client)).get_string_from_utf8()).toBe(url());

  expect(client.send_text("héllo over TLS")).toBe(OK);
  const text = await nextPacket(client);
  expect(client.was_string_packet()).toBe(true);
  expect(text.get_string_from_utf8()).toBe("héllo over TLS");

  const bytes = new PackedByteArray([0, 1, 254, 255]);
  expect(client.put_packet(bytes)).toBe(OK);
  const binary = await nextPacket(client);
  expect(client.was_string_packet()).toBe(false);
  expect([...binary]).toEqual([0, 1, 254, 255]);

  client.close(1000, "bye");
  await pollUntilClosed(client);
  expect(client.get_close_code()).toBe(1000);
  expect(prints.spy).not.toHaveBeenCalled();
});
