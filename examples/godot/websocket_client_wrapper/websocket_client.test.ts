// The wrapper as a game uses it: a node that owns one, connects its signals, polls it every frame.
// Runs in Node and in Chromium against the test server's echo.
import { Node, type PackedByteArray, print, set_stdout_verbose } from "@wsport/godot-compat";
import { afterEach, expect, it, vi } from "vitest";
import { serverUrl } from "../../../test/events.ts";
import { waitForLine } from "../../test/helpers.ts";
import { MainLoop } from "../stand-in/main-loop.ts";
import { WebSocketClient } from "./websocket_client.ts";

/** The game's side: what its signal handlers print. */
class Game extends Node {
  client = new WebSocketClient();

  _ready(): void {
    this.client.connected.connect(() => {
      print("connected");
      this.client.send_text("hello");
      this.client.send_binary(new Uint8Array([1, 2, 255]) as PackedByteArray);
    });
    this.client.recv_text.connect((message) => {
      print("text: ", message);
    });
    this.client.recv_binary.connect((message) => {
      print("binary: ", message);
      this.client.close();
    });
    this.client.disconnected.connect(() => print("disconnected"));
  }

  _process(_delta: number): void {
    this.client.poll();
  }
}

const loops: MainLoop[] = [];
afterEach(async () => {
  await Promise.all(loops.splice(0).map((loop) => loop.quit()));
  set_stdout_verbose(false);
  vi.restoreAllMocks();
});

/** The game running: `loop.printed` is what it printed. */
function start(): { game: Game; loop: MainLoop } {
  const game = new Game();
  const loop = new MainLoop(game);
  loops.push(loop);
  return { game, loop };
}

it("connects, gets its text and binary echoes through recv_text / recv_binary, and disconnects", async () => {
  const { game, loop } = start();
  expect(await loop.input(() => game.client.connect_to_url(serverUrl("/")))).toBe(0);
  await waitForLine(() => loop.printed, /^disconnected$/);
  expect(loop.printed).toEqual(["connected", "text: hello", "binary: [1, 2, 255]", "disconnected"]);
  expect(game.client.socket).toBe(null); // the wrapper drops its socket once closed
});

it("a bad URL: push_error prints Godot's text for the error code, and the code comes back", () => {
  const errors = vi.spyOn(console, "error").mockImplementation(() => {});
  const { game } = start();
  expect(game.client.connect_to_url("")).toBe(31);
  expect(errors).toHaveBeenLastCalledWith("ERROR: Failed to open socket: Invalid parameter");
});

it("its TRACE lines go through print_verbose: silent by default, printed in verbose mode", async () => {
  const logs = vi.spyOn(console, "log").mockImplementation(() => {});
  const { game, loop } = start();
  await loop.input(() => game.client.connect_to_url(serverUrl("/")));
  await waitForLine(() => loop.printed, /^disconnected$/);
  expect(loop.printed).toEqual(["connected", "text: hello", "binary: [1, 2, 255]", "disconnected"]);
  expect(logs).not.toHaveBeenCalled();

  set_stdout_verbose(true);
  const second = start();
  const url = serverUrl("/");
  await second.loop.input(() => second.game.client.connect_to_url(url));
  await waitForLine(() => second.loop.printed, /^disconnected$/);
  const isTrace = (line: string) => line.startsWith("WebSocketClient: ");
  const traced = second.loop.printed.filter(isTrace);
  expect(second.loop.printed.filter((line) => !isTrace(line))).toEqual([
    "connected",
    "text: hello",
    "binary: [1, 2, 255]",
    "disconnected",
  ]);
  expect(logs).not.toHaveBeenCalled();
  // After close() the wrapper sees CLOSING only if a poll falls between our close frame and the echo.
  expect(
    traced.filter((line) => !line.includes("=> 2)")).map((l) => l.replace("(2 => 3)", "(1 => 3)")),
  ).toEqual([
    `WebSocketClient: connect_to_url(${url})`,
    `WebSocketClient: connect_to_url(${url}) -> OK`,
    "WebSocketClient: state changed (0 => 1)",
    "WebSocketClient: send_text(hello)",
    "WebSocketClient: send_binary([1, 2, 255])",
    "WebSocketClient: close(1000, )",
    "WebSocketClient: state changed (1 => 3)",
  ]);
});
