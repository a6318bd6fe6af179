// The seed's "Simple Connect" example, ported line for line, against the test server.
import WebSockets, { type WsEvent } from "@wsport/corona-compat";
import { expect, it } from "vitest";
import { EventLog, serverUrl } from "../../../test/events.ts";

it("Simple Connect runs as ported", async () => {
  const printed = new EventLog<string>();
  const print = (...args: unknown[]) => printed.push(args.join("\t"));

  // --- the README's port, with print() captured and the server's URL ---
  const ws = WebSockets.new();

  function WsHandler(event: WsEvent) {
    if (event.type === ws.ONOPEN) {
      print("connected");
    } else if (event.type === ws.ONMESSAGE) {
      print("message", event.data);
    } else if (event.type === ws.ONCLOSE) {
      print("disconnected", event.code, event.reason);
    } else if (event.type === ws.ONERROR) {
      print("error", event.code, event.reason);
    }
  }

  ws.addEventListener(ws.WSEVENT, WsHandler);
  ws.connect(serverUrl("/echo"));
  // --- end of the port ---

  await printed.waitFor((line) => line === "connected");
  ws.send("Hello WebSocket server");
  await printed.waitFor((line) => line.startsWith("message"));
  ws.disconnect();
  await printed.waitFor((line) => line.startsWith("disconnected"));
  expect(printed.events).toEqual([
    "connected",
    "message\tHello WebSocket server",
    "disconnected\t1000\tPurpose for connection has been fulfilled",
  ]);
});
