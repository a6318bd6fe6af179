// The published types follow Godot's class database: `Error` is the package's (imported, as a Godot script
// names it), an enum is the union of its values, static methods are static, defaulted arguments optional.
// The type assertions are checked by `tsc` (pnpm typecheck); the values here by the test run.
import {
  // biome-ignore lint/suspicious/noShadowRestrictedNames: a Godot script names the type Error; so does its port
  type Error,
  type GodotError,
  JSON as GodotJSON,
  HashingContext,
  MultiplayerAPI,
  OK,
  PackedByteArray,
  type ReadyState,
  StreamPeerTLS,
  type TLSStatus,
  WebSocketMultiplayerPeer,
  WebSocketPeer,
} from "@wsport/godot-compat";
import { expect, expectTypeOf, it } from "vitest";

it("a method that returns Error returns the package's Error, which a script can name", () => {
  const peer = new WebSocketPeer();
  const e: Error = peer.put_packet(new PackedByteArray(0));
  expectTypeOf(peer.put_packet).returns.toEqualTypeOf<Error>();
  expectTypeOf<Error>().toEqualTypeOf<GodotError>();
  expect(e).toBe(OK);
});

it("an enum is the union of its values", () => {
  const peer = new WebSocketPeer();
  expectTypeOf(peer.get_ready_state).returns.toEqualTypeOf<ReadyState>();
  expectTypeOf(new StreamPeerTLS().get_status).returns.toEqualTypeOf<TLSStatus>();
  expectTypeOf(new WebSocketMultiplayerPeer().get_connection_status).returns.toEqualTypeOf<0 | 1 | 2>();
  expect(peer.get_ready_state()).toBe(WebSocketPeer.STATE_CLOSED);
});

it("static methods are static; defaulted arguments are optional", () => {
  expectTypeOf(MultiplayerAPI.create_default_interface).toBeFunction();
  expectTypeOf(GodotJSON.stringify).parameters.toEqualTypeOf<
    [data: unknown, indent?: string, sort_keys?: boolean, full_precision?: boolean]
  >();
  expectTypeOf(new HashingContext().start).parameters.toEqualTypeOf<[type: 0 | 1 | 2]>();
  expect(GodotJSON.stringify([1])).toBe("[1]");
});
