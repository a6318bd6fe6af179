// The example's wss button against the plain test server (Node): the error in Defold's words,
// then DISCONNECTED, and the buttons come back.
import { runScript } from "@wsport/defold-compat";
import { expect, it } from "vitest";
import { serverUrl } from "../../../test/events.ts";
import { waitForLine } from "../../test/helpers.ts";
import { click, gui } from "../stand-in/engine.ts";
import { reset_nodes } from "../stand-in/nodes.ts";
import * as script from "./websocket.gui_script.ts";

it("wss to a plain server: Error 'Failed to open connection: UNKNOWN', then Disconnected 1006", async () => {
  reset_nodes();
  const host = serverUrl("/").replace(/^ws:\/\//, "");
  script.use_url(host);
  const instance = runScript<script.Self>(script, {} as script.Self);
  instance.init();
  instance.on_input("touch", click(gui.get_node("connect_wss/button")));
  const log = () =>
    gui
      .get_node("log")
      .text.split("\n")
      .filter((l) => l.includes(" "))
      .map((l) => l.slice(9));
  await waitForLine(log, /^Disconnected: /);
  expect(log().slice(-3)).toEqual([
    `Connecting to wss://${host}`,
    "Error: 'Failed to open connection: UNKNOWN'",
    expect.stringMatching(/^Disconnected: userdata: 0x[0-9a-f]{8} Code: 1006 Message: $/),
  ]);
  expect(gui.is_enabled(gui.get_node("connect_wss/button"))).toBe(true);
  instance.final();
});
