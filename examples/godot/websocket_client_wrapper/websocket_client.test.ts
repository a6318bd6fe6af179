// The wrapper as a game uses it: a node that owns one, connects its signals, polls it every frame.
// Runs in Node and in Chromium against the test server's echo.
import { type PackedByteArray, set_stdout_verbose } from "@wsport/godot-compat";
import { afterEach, expect, it, vi } from "vitest";
import { serverUrl } from "../../../test/events.ts";
import { waitForLine } from "../../test/helpers.ts";
import { Node, SceneTree } from "../stand-in/scene.ts";
import { WebSocketClient } from "./websocket_client.ts";

/** The game's side: what its signal handlers print. */
class Game extends Node {
  client = new WebSocketClient();

  override _ready(): void {
    this.client.connected.connect(() => {
      this.print("connected");
      this.client.send_text("hello");
      this.client.send_binary(new Uint8Array([1, 2, 255]) as PackedByteArray);
    });
    this.client.recv_text.connect((message) => {
      this.print("text: ", message);
    });
    this.client.recv_binary.connect((message) => {
      this.print("binary: ", message);
      this.client.close();
    });
    this.client.disconnected.connect(() => this.print("disconnected"));
  }

  override _process(_delta: number): void {
    this.client.poll();
  }
}

const trees: SceneTree[] = [];
afterEach(() => {
  for (const tree of trees.splice(0)) tree.quit();
  set_stdout_verbose(false);
  vi.restoreAllMocks();
});

function start(): { game: Game; tree: SceneTree } {
  const tree = new SceneTree();
  trees.push(tree);
  const game = new Game();
  tree.add(game);
  return { game, tree };
}

it("connects, gets its text and binary echoes through recv_text / recv_binary, and disconnects", async () => {
  const { game, tree } = start();
  expect(game.client.connect_to_url(serverUrl("/"))).toBe(0);
  await waitForLine(() => tree.printed, /^disconnected$/);
  expect(tree.printed).toEqual(["connected", "text: hello", "binary: [1, 2, 255]", "disconnected"]);
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
  const { game, tree } = start();
  game.client.connect_to_url(serverUrl("/"));
  await waitForLine(() => tree.printed, /^disconnected$/);
  expect(logs).not.toHaveBeenCalled();

  set_stdout_verbose(true);
  const second = start();
  const url = serverUrl("/");
  second.game.client.connect_to_url(url);
  await waitForLine(() => second.tree.printed, /^disconnected$/);
  const traced = logs.mock.calls.map((call) => call[0] as string);
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
