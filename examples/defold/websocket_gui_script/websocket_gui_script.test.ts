// Defold's own example as a player uses it: the engine (runScript) calls init, then on_input for
// clicks on the buttons; the script's log node and connection text show what happened. Node and
// Chromium, against the test server's echo.
import { runScript } from "@wsport/defold-compat";
import { afterEach, beforeEach, expect, it } from "vitest";
import { serverUrl } from "../../../test/events.ts";
import { waitForLine } from "../../test/helpers.ts";
import { click, gui, posted } from "../stand-in/engine.ts";
import { reset_nodes } from "../stand-in/nodes.ts";
import * as script from "./websocket.gui_script.ts";

const LOG_PREFIX = /^\d\d:\d\d:\d\d /;
const log = () =>
  gui
    .get_node("log")
    .text.split("\n")
    .filter((l) => l !== "")
    .map((l) => l.replace(LOG_PREFIX, ""));

let instance: ReturnType<typeof runScript<script.Self>>;
beforeEach(() => {
  reset_nodes();
  script.use_url(serverUrl("/").replace(/^ws:\/\//, "")); // "127.0.0.1:<port>/"
  instance = runScript<script.Self>(script, {} as script.Self);
  instance.init();
});
afterEach(() => {
  if (instance.self.connection !== undefined) instance.on_input("touch", click(gui.get_node("close/button")));
  instance.final();
});

it("ws: connects, sends, receives the echo and disconnects, logging what the example logs", async () => {
  const host = serverUrl("/").replace(/^ws:\/\//, "");
  expect(gui.get_node("connection_text").text).toBe(`Connect to ${host}`);
  expect(posted.slice(0, 2).map((p) => p.message_id)).toEqual(["acquire_input_focus", "clear_color"]);
  expect(gui.is_enabled(gui.get_node("send/button"))).toBe(false);

  instance.on_input("touch", click(gui.get_node("connect_ws/button")));
  await waitForLine(log, /^Connected: /);
  expect(gui.get_node("connection_text").text).toBe(`Connected to ws://${host}`);
  expect(gui.is_enabled(gui.get_node("send/button"))).toBe(true);
  expect(gui.is_enabled(gui.get_node("connect_ws/button"))).toBe(false);

  instance.on_input("touch", click(gui.get_node("send/button")));
  await waitForLine(log, /^Receiving: /);
  instance.on_input("touch", click(gui.get_node("close/button")));
  await waitForLine(log, /^Disconnected: /);

  const conn = log()[1]!.replace("Connected: ", "");
  expect(conn).toMatch(/^userdata: 0x[0-9a-f]{8}$/);
  expect(log()).toEqual([
    `Connecting to ws://${host}`,
    `Connected: ${conn}`,
    "Sending 'sending to server', nil, nil, nil, nil",
    "Receiving: 'sending to server'",
    `Disconnected: ${conn} Code: 1000 Message: `,
  ]);
  expect(gui.get_node("connection_text").text).toBe(`Connect to ${host}`);
  expect(gui.is_enabled(gui.get_node("connect_ws/button"))).toBe(true);
});

it("a click outside every button, or on a disabled one, does nothing", () => {
  instance.on_input("touch", { pressed: true, x: -100, y: -100 });
  instance.on_input("touch", click(gui.get_node("send/button"))); // disabled until connected
  instance.update(0.016);
  expect(log()).toEqual([]);
});
