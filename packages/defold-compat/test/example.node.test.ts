// Node is Defold's native build: the seed's handshake_response branch logs the server's answer.
import { expect, it } from "vitest";
import { serverUrl } from "../../../test/events.ts";
import { until } from "../../../test/until.mjs";
import { init, output, type Script } from "./example.ts";

it("logs status, headers and body of a refused handshake", async () => {
  output.lines = [];
  const self: Script = {};
  init(self, serverUrl("/reject/403"));
  const handle = String(self.connection);
  await until(() => self.connection === undefined, "the connection to end");
  expect(output.lines).toEqual([
    "Error: 'Wrong response status: 403'",
    "Handshake response status: '403'",
    "Handshake response header: 'Connection: close'",
    "Handshake response header: 'Content-Type: text/plain'",
    "Handshake response header: 'Content-Length: 28'",
    "Handshake response header: 'X-Wsport-Reason: rejected by test route'",
    "Handshake response body: 'Rejected with 403 by /reject'",
    `Disconnected: ${handle}`,
  ]);
});
