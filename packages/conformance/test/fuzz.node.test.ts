// A small fuzz run: bad frames get 1002/1007/1009, bad handshakes are closed, the server survives,
// and a well-behaved client connected meanwhile sees every echo.

import { startServer } from "@wsport/server";
import fc from "fast-check";
import { expect, test } from "vitest";
import { badFrame, closeCode, fuzzServer } from "../src/fuzz.ts";

test("1,000 fuzz cases against the server", async () => {
  const server = await startServer({ port: 0, maxPayload: 64 * 1024 });
  try {
    const r = await fuzzServer(server.port, 64 * 1024, 1000, 3);
    expect(r.wrongCode).toEqual([]);
    expect({ notClosed: r.notClosed, probeMissed: r.probeMissed, probeClosed: r.probeClosed }).toEqual({
      notClosed: 0,
      probeMissed: 0,
      probeClosed: false,
    });
    expect(r.probeEchoes).toBeGreaterThan(0);
  } finally {
    await server.close();
  }
});

test("the generators make what they say (close frame parser, frame kinds)", () => {
  expect(closeCode(Buffer.from([0x88, 0x02, 0x03, 0xea]))).toBe(1002);
  expect(closeCode(Buffer.from([0x81, 0x01, 0x41, 0x88, 0x00]))).toBe(1005);
  expect(closeCode(Buffer.from([0x81, 0x01]))).toBeUndefined();
  const kinds = new Set(fc.sample(badFrame(1024), 400).map((f) => f.kind));
  expect(kinds.size).toBe(8);
});
