// websocket_minimal as the demo runs it: one scene with the server and the client, Ping and Pong
// buttons, and what each log label shows. Node only: the server side needs Node.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { WebSocketPeer } from "@wsport/godot-compat";
import { afterEach, expect, it, vi } from "vitest";
import { freePort } from "../../../test/free-port.mjs";
import { until, waitForLine } from "../../test/helpers.ts";
import { MainLoop } from "../stand-in/main-loop.ts";
import { main } from "./main.ts";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const games: MainLoop[] = [];
afterEach(async () => {
  await Promise.all(games.splice(0).map((game) => game.quit()));
  vi.restoreAllMocks();
});

const LOG_LINE = /^\[color=#aaaaaa\] \d\d:\d\d:\d\d \|\[\/color\] (.*)$/;
const messages = (label: { text: string }) =>
  label.text
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => LOG_LINE.exec(l)?.[1] ?? `unexpected line: ${l}`);

/** Main.tscn on a free port (set as the editor sets a scene's properties), running until the server side is open. */
async function runMain() {
  const scene = main();
  const port = await freePort();
  scene.server.PORT = port;
  scene.client.websocket_url = `ws://localhost:${port}`;
  const game = new MainLoop(scene.root);
  games.push(game);
  await until(() => scene.server.socket.get_ready_state() === WebSocketPeer.STATE_OPEN, "the server to open");
  return { scene, port, game };
}

it("Ping reaches the server's log, Pong the client's, with the demo's time prefix", async () => {
  const { scene, game } = await runMain();
  await until(() => scene.client.socket.get_ready_state() === WebSocketPeer.STATE_OPEN, "the client to open");
  await game.input(() => scene.button_ping.click());
  await waitForLine(() => messages(scene.text_server), /^Ping$/);
  await game.input(() => scene.button_pong.click());
  await waitForLine(() => messages(scene.text_client), /^Pong$/);
  await game.input(() => scene.button_ping.click());
  await until(() => messages(scene.text_server).length === 2, "the second Ping");

  expect(messages(scene.text_server)).toEqual(["Ping", "Ping"]);
  expect(messages(scene.text_client)).toEqual(["Pong"]);
  expect(scene.text_client.text).toMatch(/^\[color=#aaaaaa\] \d\d:\d\d:\d\d \|\[\/color\] Pong\n$/);
});

it("a second client meets the busy socket: Godot's error print, and its dropped stream closes it", async () => {
  const printed = vi.spyOn(console, "error").mockImplementation(() => {});
  const { scene, port, game } = await runMain();

  const second = WebSocketPeer.new();
  second.connect_to_url(`ws://localhost:${port}`);
  await until(() => printed.mock.calls.length > 0, "the server's error print");
  expect(printed).toHaveBeenCalledWith(
    'ERROR: Condition "ready_state != STATE_CLOSED && ready_state != STATE_CLOSING" is true. Returning: ERR_ALREADY_IN_USE',
  );
  // The script kept no reference to that StreamPeerTCP: Godot frees it, and so does the collector here.
  await until(() => {
    gc();
    second.poll();
    return second.get_ready_state() === WebSocketPeer.STATE_CLOSED;
  }, "the second client to be closed");
  expect(second.get_close_code()).toBe(-1);
  // The first pair is untouched.
  await game.input(() => scene.button_ping.click());
  await waitForLine(() => messages(scene.text_server), /^Ping$/);
});
