// The plugin demo as it runs: five JSON messages, each echoed back, 500 ms apart, then disconnect;
// the test reads what it printed. Node and Chromium, against the test server's echo.
import { expect, it } from "vitest";
import { serverUrl } from "../../../test/events.ts";
import { waitForLine } from "../../test/helpers.ts";
import { demo_host, printed } from "../stand-in/runtime.ts";

it("prints ONOPEN, five echoed messages and ONCLOSE, as on a device", async () => {
  demo_host.url = serverUrl("/");
  await import("./main.ts"); // running main.lua
  await waitForLine(() => printed, /^code:reason/, 15_000);

  expect(printed.slice(0, 2)).toEqual(["Received event: ONOPEN", "=== Sending 5 messages ===\n"]);
  const echoes = printed.slice(2, -2);
  expect(echoes).toHaveLength(10);
  for (let i = 0; i < 10; i += 2) {
    expect(echoes[i]).toBe("Received event: ONMESSAGE");
    const body = /^echoed message: '(.*)'\n\n$/s.exec(echoes[i + 1]!)?.[1];
    expect(JSON.parse(body!)).toEqual({
      action: "studycat_echo",
      message: expect.stringMatching(/^Time: [\d.]+$/),
    });
  }
  expect(printed.at(-2)).toBe("Received event: ONCLOSE");
  expect(printed.at(-1)).toMatch(/^code:reason\t1000\t/);
}, 20_000);
