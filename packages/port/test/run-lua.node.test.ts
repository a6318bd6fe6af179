// The translated Lua fixtures run unmodified against @wsport/server's echo: the Defold gui_script
// through defold-compat's runScript, Solar2D's main.lua as the app starts it, and the Aseprite
// script as Aseprite runs it, clicked through its dialog.
import { runScript } from "@wsport/defold-compat";
import { afterEach, expect, it, vi } from "vitest";
import { serverUrl } from "../../../test/events.ts";
import { app, dialogs } from "./engine/aseprite.ts";
import { posted, texts } from "./engine/defold.ts";
import { config } from "./engine/solar2d.ts";
import * as gui_script from "./expected/defold/chat.gui_script.ts";
import { until } from "./helpers.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

it("chat.gui_script (Defold): connects, greets, keeps the last 4 lines, trims what it sends, quits", async () => {
  const instance = runScript(gui_script, {});
  instance.init();
  expect(posted).toEqual([[".", "acquire_input_focus"]]);
  instance.on_message("connect", { url: serverUrl("/") });
  const log = () => (texts.get("log") ?? "").split("\n");
  await until(() => log().includes("1: hello from player1"), "the greeting's echo");
  expect(log()).toEqual(["connected", "1: hello from player1"]);

  for (const text of ["  two  ", "three", "", "four"]) instance.on_message("say", { text });
  await until(() => log().at(-1) === "4: four", "the fourth echo");
  // "" was not sent; four lines are kept, the oldest dropped.
  expect(log()).toEqual(["1: hello from player1", "2: two", "3: three", "4: four"]);

  expect(instance.on_input("quit", { released: true })).toBe(true);
  expect(instance.self).toMatchObject({ connected: true, conn: undefined, received: 4, name: "player1" });
  instance.final();
  expect(posted.at(-1)).toEqual([".", "release_input_focus"]);
});

it("main.lua (Solar2D): three JSON pings, each echo printed, then the close", async () => {
  const printed: string[] = [];
  vi.spyOn(console, "log").mockImplementation((line: string) => void printed.push(line));
  config.url = serverUrl("/");
  await import("./expected/solar2d/main.ts"); // the app starting
  await until(
    () => printed.some((l) => l.startsWith("closed")),
    "the close",
    () => {},
    10_000,
  );
  expect(printed).toEqual(["open", "echo\t1\tping 1", "echo\t2\tping 2", "echo\t3\tping 3", "closed\t1000"]);
});

it("sprite_share.lua (Aseprite): tells the helper the sprite's name and size, shows the answer, Close ends it", async () => {
  app.activeSprite = { filename: "hero.aseprite", width: 32, height: 16 };
  app.params.port = new URL(serverUrl("/")).port;
  await import("./expected/aseprite/sprite_share.ts"); // running the script
  const dlg = dialogs.at(-1)!;
  expect(dlg.title).toBe("Sprite share");
  expect(dlg.visible).toBe(true);
  await until(() => dlg.text("status") === "got sprite hero.aseprite 32x16", "the helper's answer");
  dlg.widgets.find((w) => w.text === "Close")!.onclick!();
  expect(dlg.closed).toBe(true);
  await until(() => dlg.text("status") === "closed after 2 lines", "the close");
});
