// GDScript reads a class's constants through an instance too (`socket.STATE_OPEN`), and so do ports.
import { StreamPeerTCP, WebSocketPeer } from "@wsport/godot-compat";
import { expect, it } from "vitest";

const CLASSES = [
  [
    WebSocketPeer,
    [
      "STATE_CONNECTING",
      "STATE_OPEN",
      "STATE_CLOSING",
      "STATE_CLOSED",
      "WRITE_MODE_TEXT",
      "WRITE_MODE_BINARY",
    ],
  ],
  [StreamPeerTCP, ["STATUS_NONE", "STATUS_CONNECTING", "STATUS_CONNECTED", "STATUS_ERROR"]],
] as const;

it.each(CLASSES)("%o: every constant reads the same through an instance, read-only", (cls, names) => {
  const instance = cls.new() as unknown as Record<string, unknown>;
  for (const name of names) {
    expect(instance[name], name).toBe((cls as unknown as Record<string, unknown>)[name]);
    expect(() => {
      instance[name] = 99;
    }).toThrow(TypeError); // modules are strict: writing a read-only property throws
    expect(instance[name], name).toBe((cls as unknown as Record<string, unknown>)[name]);
  }
  // Constants stay off the instance's own keys, so they do not show up when it is listed or spread.
  expect(Object.keys(instance).filter((k) => /^[A-Z]/.test(k))).toEqual([]);
});

it("the values are Godot's", () => {
  const socket = new WebSocketPeer();
  expect([socket.STATE_CONNECTING, socket.STATE_OPEN, socket.STATE_CLOSING, socket.STATE_CLOSED]).toEqual([
    0, 1, 2, 3,
  ]);
  expect([socket.WRITE_MODE_TEXT, socket.WRITE_MODE_BINARY]).toEqual([0, 1]);
  const tcp = new StreamPeerTCP();
  expect([tcp.STATUS_NONE, tcp.STATUS_CONNECTING, tcp.STATUS_CONNECTED, tcp.STATUS_ERROR]).toEqual([
    0, 1, 2, 3,
  ]);
  expect(socket.get_ready_state() === socket.STATE_CLOSED).toBe(true);
});
