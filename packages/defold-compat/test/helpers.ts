// Opens Defold-style connections for the tests and records every callback, in order.
import {
  type Connection,
  type ConnectParams,
  type EventData,
  type SendOptions,
  websocket,
} from "@wsport/defold-compat";
import { afterEach } from "vitest";
import { EventLog } from "../../../test/events.ts";

export interface Call<M = string | Uint8Array> {
  self: unknown;
  connection: Connection;
  data: EventData<M>;
}

const opened: Connection[] = [];
afterEach(() => {
  for (const connection of opened.splice(0)) websocket.disconnect(connection);
});

/** websocket.connect with a recording callback; `next(event)` waits for that event. */
export function open(url: string, params?: ConnectParams<boolean> | null, self?: unknown) {
  const log = new EventLog<Call>();
  const connection = websocket.connect(
    url,
    params,
    (s, c, data) => log.push({ self: s, connection: c, data }),
    self,
  );
  opened.push(connection);
  const next = (event: number, timeoutMs = 8000) =>
    log.waitFor((call) => call.data.event === event, timeoutMs, `event ${event}`).then((call) => call.data);
  /** The event numbers seen so far. */
  const events = () => log.events.map((call) => call.data.event);
  return { connection, log, next, events };
}

/** Sends and waits for the echo that follows. */
export async function echo(
  session: ReturnType<typeof open>,
  message: string | Uint8Array,
  options?: SendOptions | null,
) {
  const before = session.log.events.length;
  websocket.send(session.connection, message, options);
  const call = await session.log.waitFor(
    (c) => c.data.event === websocket.EVENT_MESSAGE && session.log.events.indexOf(c) >= before,
  );
  return call.data.message;
}
