// Seed 002: the minimal client and the minimal server from Godot's "Using WebSockets" page,
// ported line for line, run together over loopback and print what the GDScript prints.
import { afterEach, expect, it } from "vitest";
import { until } from "../../../test/until.mjs";
import { MinimalClient } from "./seed/minimal-client.ts";
import { MinimalServer } from "./seed/minimal-server.ts";

/** Waits (bounded) until `printed` has a line matching `pattern`. */
async function waitForLine(printed: string[], pattern: RegExp, timeoutMs = 8000): Promise<string> {
  let line: string | undefined;
  const found = () => {
    line = printed.find((l) => pattern.test(l));
    return line !== undefined;
  };
  await until(found, () => `a line matching ${pattern} in ${JSON.stringify(printed)}`, timeoutMs);
  return line!;
}

const nodes: Array<{ free(): void }> = [];
afterEach(() => {
  for (const node of nodes.splice(0)) node.free();
});

it("the minimal client talks to the minimal server and both print what Godot prints", async () => {
  const server = new MinimalServer();
  server.PORT = 0; // any free port; the seed uses 9080
  nodes.push(server);
  server.start();
  await until(() => server._tcp_server.is_listening(), "the server to listen");
  const port = server._tcp_server.get_local_port();
  expect(port).toBeGreaterThan(0);

  const client = new MinimalClient();
  client.websocket_url = `ws://localhost:${port}`;
  client.wait_seconds = 0.3;
  nodes.push(client);
  client.start();

  await waitForLine(client.printed, /^< Got text data from server: Test packet$/);
  await waitForLine(server.printed, /^< Got text data from peer 2/);
  expect(client.printed).toEqual([
    `Connecting to ws://localhost:${port}...`,
    "> Sending test packet.",
    "< Got text data from server: Test packet",
  ]);

  // The seed's client never closes; closing it shows both close lines.
  client.socket.close();
  await waitForLine(client.printed, /^WebSocket closed/);
  await waitForLine(server.printed, /^- Peer 2 closed/);
  expect(client.printed.at(-1)).toBe("WebSocket closed with code: 1000. Clean: true");
  expect(client.is_processing()).toBe(false);
  expect(server.printed).toEqual([
    "Server started.",
    "+ Peer 2 connected.",
    "< Got text data from peer 2: Test packet ... echoing",
    "- Peer 2 closed with code: 1000, reason . Clean: true",
  ]);
  server._tcp_server.stop();
});
