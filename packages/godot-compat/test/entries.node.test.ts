// In Node, "@wsport/godot-compat" resolves to the Node entry: its WebSocketPeer is the native build's,
// however it is made.
import { OK, WebSocketPeer } from "@wsport/godot-compat";
import { expect, it } from "vitest";
import { serverUrl } from "../../../test/events.ts";
import { pollUntil, pollUntilClosed } from "./helpers.ts";

it("WebSocketPeer.new() and new WebSocketPeer() both give the native peer (socket info works)", async () => {
  const port = Number(new URL(serverUrl("/")).port);
  for (const peer of [WebSocketPeer.new(), new WebSocketPeer()]) {
    expect(peer).toBeInstanceOf(WebSocketPeer);
    expect(peer.connect_to_url(serverUrl("/"))).toBe(OK);
    await pollUntil(peer, () => peer.get_ready_state() === WebSocketPeer.STATE_OPEN, "open");
    expect(peer.get_connected_port()).toBe(port); // the Web peer prints an error and returns 0
    peer.close();
    await pollUntilClosed(peer);
  }
});
