// The TypeScript surface: message types follow binary_as_bytes; events narrow on the EVENT_* names.
import {
  type Connection,
  type ConnectParams,
  type EventData,
  type MessageOf,
  type SendOptions,
  websocket,
} from "@wsport/defold-compat";
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

it("types messages as strings for params annotated ConnectParams, so an EventData callback fits", () => {
  expectTypeOf<MessageOf<ConnectParams>>().toEqualTypeOf<string>();
  expectTypeOf<MessageOf<ConnectParams<true>>>().toEqualTypeOf<string | Uint8Array>();
  expectTypeOf<MessageOf<ConnectParams<boolean>>>().toEqualTypeOf<string | Uint8Array>();
  const params: ConnectParams = { timeout: 3000 };
  const texts: string[] = [];
  const callback = (_self: undefined, _conn: Connection, data: EventData) => {
    if (data.event === websocket.EVENT_MESSAGE) texts.push(data.message);
  };
  websocket.disconnect(websocket.connect(serverUrl("/"), params, callback));
  // binary_as_bytes: true is only accepted where the bytes are typed.
  // @ts-expect-error ConnectParams says messages are strings
  const bytes: ConnectParams = { binary_as_bytes: true };
  expect(bytes.binary_as_bytes).toBe(true);
  expect(texts).toEqual([]);
});

it("a callback that declares a self takes it from the 4th argument (or, as in Defold, from runScript)", () => {
  interface Script {
    url: string;
  }
  const withSelf = (self: Script, _conn: Connection, _data: EventData) => void self.url;
  // Compiles without the 4th argument: a script run by runScript hands connect its self (script.test.ts).
  const implicitSelf = (url: string) => websocket.connect(url, {}, withSelf);
  expect(implicitSelf).toBeTypeOf("function");
  const script: Script = { url: serverUrl("/") };
  const seen: unknown[] = [];
  const conn = websocket.connect(
    script.url,
    null,
    function (this: Script, self: Script) {
      seen.push(self, this);
    },
    script,
  );
  websocket.disconnect(conn);
  const plain = websocket.connect(script.url, {}, (self, _conn, data) => seen.push(self, data.event));
  websocket.disconnect(plain);
  expect(seen).toEqual([]);
});

it("accepts only DATA_TYPE_TEXT and DATA_TYPE_BINARY as send's type", () => {
  expectTypeOf<NonNullable<SendOptions["type"]>>().toEqualTypeOf<
    typeof websocket.DATA_TYPE_TEXT | typeof websocket.DATA_TYPE_BINARY
  >();
  // @ts-expect-error 7 is no data type (at run time it is a bad argument #3: websocket.test.ts)
  const bad: SendOptions = { type: 7 };
  expect(bad.type).toBe(7);
});
