// The TypeScript surface: message types follow binary_as_bytes; events narrow on the EVENT_* names.
import { type Connection, type EventData, type MessageOf, websocket } from "@wsport/defold-compat";
import { expect, expectTypeOf, it } from "vitest";
import { serverUrl } from "../../../test/events.ts";

it("types messages as strings unless binary_as_bytes may be true", () => {
  expectTypeOf<MessageOf<{}>>().toEqualTypeOf<string>();
  expectTypeOf<MessageOf<null>>().toEqualTypeOf<string>();
  expectTypeOf<MessageOf<undefined>>().toEqualTypeOf<string>();
  expectTypeOf<MessageOf<{ timeout: number }>>().toEqualTypeOf<string>();
  expectTypeOf<MessageOf<{ binary_as_bytes: false }>>().toEqualTypeOf<string>();
  expectTypeOf<MessageOf<{ binary_as_bytes: true }>>().toEqualTypeOf<string | Uint8Array>();
  expectTypeOf<MessageOf<{ binary_as_bytes?: boolean }>>().toEqualTypeOf<string | Uint8Array>();
});

it("narrows data on the event names, so each event has exactly its keys", () => {
  const seen: string[] = [];
  const callback = (_self: undefined, _conn: Connection, data: EventData) => {
    if (data.event === websocket.EVENT_DISCONNECTED) expectTypeOf(data.code).toEqualTypeOf<number>();
    if (data.event === websocket.EVENT_ERROR)
      expectTypeOf(data.handshake_response?.status).toEqualTypeOf<number | undefined>();
    if (data.event === websocket.EVENT_MESSAGE) seen.push(JSON.parse(data.message));
  };
  const connection = websocket.connect(serverUrl("/"), null, callback);
  websocket.disconnect(connection);
  expect(seen).toEqual([]);
});
