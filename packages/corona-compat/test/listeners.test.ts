// Corona's listener semantics on a client: functions and tables, duplicates, removal, per client.
import WebSockets, { type WsEvent } from "@wsport/corona-compat";
import { afterEach, describe, expect, it } from "vitest";
import { EventLog, serverUrl } from "../../../test/events.ts";
import { captureUncaught, client, disconnectAll } from "./helpers.ts";

afterEach(disconnectAll);

describe("addEventListener / removeEventListener", () => {
  it("a table listener's WsEvent0 method is called with the table as `this`", async () => {
    const { ws, next } = client();
    const seen: Array<{ self: unknown; type: string }> = [];
    const table = {
      WsEvent0(this: unknown, event: WsEvent) {
        seen.push({ self: this, type: event.type });
      },
    };
    expect(ws.addEventListener(ws.WSEVENT, table)).toBe(true);
    ws.connect(serverUrl("/"));
    await next("OnOpen0");
    expect(seen).toEqual([{ self: table, type: "OnOpen0" }]);
  });

  it("a table without a WsEvent0 method is skipped", async () => {
    const { ws, next } = client();
    ws.addEventListener(ws.WSEVENT, {} as never);
    ws.connect(serverUrl("/"));
    await next("OnOpen0");
  });

  it("the same listener added twice is called twice; removing it once leaves one call", async () => {
    const { ws, log, next } = client();
    const twice = new EventLog<WsEvent>();
    ws.addEventListener(ws.WSEVENT, twice.push);
    ws.addEventListener(ws.WSEVENT, twice.push);
    ws.connect(serverUrl("/"));
    await next("OnOpen0");
    expect(twice.events.map((e) => e.type)).toEqual(["OnOpen0", "OnOpen0"]);
    expect(ws.removeEventListener(ws.WSEVENT, twice.push)).toBe(true);
    ws.send("once");
    await next("OnMessage0");
    expect(twice.events.map((e) => e.type)).toEqual(["OnOpen0", "OnOpen0", "OnMessage0"]);
    expect(ws.removeEventListener(ws.WSEVENT, twice.push)).toBe(true);
    expect(ws.removeEventListener(ws.WSEVENT, twice.push)).toBeUndefined();
    ws.send("none");
    await log.waitForCount(3);
    expect(twice.events).toHaveLength(3);
  });

  it("listeners run in the order they were added, and one removed mid-dispatch still gets that event", async () => {
    const ws = WebSockets.new();
    const order: string[] = [];
    const second = () => order.push("second");
    ws.addEventListener(ws.WSEVENT, () => {
      order.push("first");
      ws.removeEventListener(ws.WSEVENT, second);
    });
    ws.addEventListener(ws.WSEVENT, second);
    const done = new EventLog<WsEvent>();
    ws.addEventListener(ws.WSEVENT, done.push);
    ws.connect(serverUrl("/"));
    await done.waitFor((e) => e.type === "OnOpen0");
    ws.send("again");
    await done.waitFor((e) => e.type === "OnMessage0");
    expect(order).toEqual(["first", "second", "first"]);
    ws.disconnect();
  });

  it("only the name 'WsEvent0' is ever dispatched; other names are accepted and never called", async () => {
    const { ws, next } = client();
    const other = new EventLog<WsEvent>();
    expect(ws.addEventListener(ws.ONOPEN, other.push)).toBe(true);
    expect(ws.addEventListener("anything", other.push)).toBe(true);
    ws.connect(serverUrl("/"));
    await next("OnOpen0");
    ws.send("x");
    await next("OnMessage0");
    expect(other.events).toEqual([]);
    expect(ws.removeEventListener("anything", other.push)).toBe(true);
    expect(ws.removeEventListener(ws.WSEVENT, other.push)).toBeUndefined();
  });

  it("listeners are per client", async () => {
    const a = client();
    const b = client();
    a.ws.connect(serverUrl("/"));
    await a.next("OnOpen0");
    // A marker through a: once a has its echo, anything wrongly routed to b would have come too.
    a.ws.send("marker");
    await a.next("OnMessage0");
    expect(b.log.events).toEqual([]);
  });

  it("a listener removed before the event is not called", async () => {
    const { ws, next } = client();
    const removed = new EventLog<WsEvent>();
    ws.addEventListener(ws.WSEVENT, removed.push);
    ws.removeEventListener(ws.WSEVENT, removed.push);
    ws.connect(serverUrl("/"));
    await next("OnOpen0");
    expect(removed.events).toEqual([]);
  });
});

describe("listener errors", () => {
  it("are re-raised outside the dispatch; the other listeners and the socket carry on", async () => {
    const { errors, restore } = captureUncaught();
    try {
      const { ws, log, next } = client();
      const buggy = () => {
        throw new Error("listener bug");
      };
      ws.addEventListener(ws.WSEVENT, buggy);
      const after = new EventLog<string>();
      ws.addEventListener(ws.WSEVENT, (e) => after.push(e.type));
      ws.connect(serverUrl("/"));
      await next("OnOpen0");
      expect(after.events).toEqual(["OnOpen0"]);
      expect(await errors.waitForCount(1, 2000)).toMatchObject({ message: "listener bug" });
      ws.send("still works");
      const echoed = await next("OnMessage0");
      expect(echoed).toMatchObject({ type: "OnMessage0", data: "still works" });
      expect(await after.waitForCount(2, 2000)).toBe("OnMessage0");
      expect(await errors.waitForCount(2, 2000)).toMatchObject({ message: "listener bug" });
      expect(log.events.map((e) => e.type)).toEqual(["OnOpen0", "OnMessage0"]);
      ws.removeEventListener(ws.WSEVENT, buggy);
    } finally {
      restore();
    }
  });
});
