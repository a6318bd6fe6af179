// The seed's example, ported to TypeScript, against the test server: it logs what the Lua logs.
import { websocket } from "@wsport/defold-compat";
import { beforeEach, expect, it } from "vitest";
import { serverUrl } from "../../../test/events.ts";
import { until } from "../../../test/until.mjs";
import { finalize, init, output, type Script } from "./example.ts";

beforeEach(() => {
  output.lines = [];
  output.guiUpdates = 0;
});

/** The repository's until(), naming what the example has logged so far when it times out. */
function logged(test: () => boolean, what: string): Promise<void> {
  return until(test, () => `${what}; logged ${JSON.stringify(output.lines)}`);
}

it("connects, receives the echo of the docs' greeting, and disconnects in finalize", async () => {
  const self: Script = {};
  init(self, serverUrl("/"));
  expect(output.lines).toEqual([]); // nothing happens inside connect
  await logged(() => output.lines.length === 1, "Connected");
  const handle = String(self.connection);
  expect(handle).toMatch(/^userdata: 0x[0-9a-f]+$/);
  expect(output.lines).toEqual([`Connected: ${handle}`]);

  websocket.send(self.connection!, "Hello from the other side"); // the docs' send example
  await logged(() => output.lines.length === 2, "Receiving");
  expect(output.lines[1]).toBe("Receiving: 'Hello from the other side'");

  finalize(self);
  await logged(() => self.connection === undefined, "Disconnected");
  expect(output.lines).toEqual([
    `Connected: ${handle}`,
    "Receiving: 'Hello from the other side'",
    `Disconnected: ${handle}`,
  ]);
  expect(output.guiUpdates).toBe(2);
});

it("logs the error branch, then Disconnected, when the server refuses the upgrade", async () => {
  const self: Script = {};
  init(self, serverUrl("/reject/403"));
  const handle = String(self.connection);
  await logged(() => self.connection === undefined, "Disconnected");
  expect(output.lines[0]).toMatch(/^Error: '(Wrong response status: 403|Failed to open connection: .+)'$/);
  expect(output.lines.at(-1)).toBe(`Disconnected: ${handle}`);
  expect(output.guiUpdates).toBe(1);
});

it("finalize with no connection does nothing", () => {
  const self: Script = {};
  finalize(self);
  expect(output.lines).toEqual([]);
});
