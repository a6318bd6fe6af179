// websocket_chat as a user runs it: a server scene (Listen) and two client scenes (Connect),
// typing and pressing Send; what each scene's log shows. Node only: the server side needs Node.
import { afterEach, expect, it, vi } from "vitest";
import { waitForLine } from "../../test/helpers.ts";
import { freePort } from "../../test/ports.ts";
import { type Node, SceneTree } from "../stand-in/scene.ts";
import { client_scene, server_scene } from "./scenes.ts";

const trees: SceneTree[] = [];
afterEach(() => {
  for (const tree of trees.splice(0)) tree.quit();
  vi.restoreAllMocks();
});

function run<T extends { root: Node }>(scene: T): T {
  const tree = new SceneTree();
  trees.push(tree);
  tree.add(scene.root);
  return scene;
}

const lines = (scene: { log: { text: string } }) => () => scene.log.text.split("\n").filter((l) => l !== "");

it("two clients chat through the demo's server; every log shows what the demo shows", async () => {
  const server = run(server_scene());
  const port = await freePort();
  server.port.value = port; // typed into the Port box
  server.listen.click(true);
  await waitForLine(lines(server), /^Listing on port/);

  const a = run(client_scene());
  a.host.text = `ws://localhost:${port}/test/`;
  a.connect_button.click(true);
  await waitForLine(lines(a), /^Client just connected/);
  const idA = Number((await waitForLine(lines(server), /^Remote client connected: \d+/)).match(/\d+/)![0]);

  const b = run(client_scene());
  b.host.text = `ws://localhost:${port}/test/`;
  b.connect_button.click(true);
  await waitForLine(lines(b), /^Client just connected/);
  await waitForLine(lines(a), /^\[\d+\] connected$/);
  const idB = Number(lines(a)().at(-1)!.match(/\d+/)![0]);

  a.line_edit.text = "hello";
  a.send_button.click();
  await waitForLine(lines(b), /Says: hello$/);

  server.line_edit.text = "welcome";
  server.send_button.click();
  await waitForLine(lines(a), /^Server says: welcome$/);
  await waitForLine(lines(b), /^Server says: welcome$/);

  a.connect_button.click(true); // toggled off: close()
  await waitForLine(lines(a), /^Client just disconnected/);
  await waitForLine(lines(b), /disconnected$/);

  expect(lines(server)()).toEqual([
    `Listing on port ${port}, supported protocols: ["demo-chat"]`,
    `Remote client connected: ${idA}. Protocol: demo-chat`,
    `Remote client connected: ${idB}. Protocol: demo-chat`,
    `Server received data from peer ${idA}: hello`,
    "Sending message: welcome",
    `Remote client disconnected: ${idA}. Code: 1000, Reason: `,
  ]);
  expect(lines(a)()).toEqual([
    `Connecting to host: ws://localhost:${port}/test/.`,
    "Client just connected with protocol: demo-chat",
    `[${idB}] connected`,
    "Sending message: hello",
    "Server says: welcome",
    "Client just disconnected with code: 1000, reson: ",
  ]);
  expect(lines(b)()).toEqual([
    `Connecting to host: ws://localhost:${port}/test/.`,
    "Client just connected with protocol: demo-chat",
    `[${idA}] Says: hello`,
    "Server says: welcome",
    `[${idA}] disconnected`,
  ]);
  expect(a.line_edit.text).toBe(""); // the demo clears the box after sending
  // What the scripts print() is what their logs show.
  expect(trees[0]!.printed).toEqual(lines(server)());
});

it("an empty message or host does nothing; a bad port is reported in the log", async () => {
  vi.spyOn(console, "error").mockImplementation(() => {}); // TCPServer's error print for the port
  const server = run(server_scene());
  server.port.value = 70000; // beyond what TCPServer.listen accepts
  server.listen.click(true);
  await waitForLine(lines(server), /^Error listing on port 70000$/);
  const a = run(client_scene());
  a.host.text = "";
  a.connect_button.click(true);
  a.send_button.click();
  expect(lines(a)()).toEqual([]);
});
