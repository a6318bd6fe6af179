import { describe, expect, it } from "vitest";
import { open, refused, shared } from "./helpers.js";
import { rawHandshake } from "./raw.js";

const MAX_PAYLOAD = 16 * 1024 * 1024; // the shared server uses the default

describe("bad route parameters get HTTP 400 with a clear text body", () => {
  it.each([
    ["/close/1005", "Invalid close code 1005: must be 1000-1003, 1007-1014 or 3000-4999"],
    ["/close/1004", "Invalid close code 1004: must be 1000-1003, 1007-1014 or 3000-4999"],
    ["/close/1006", "Invalid close code 1006: must be 1000-1003, 1007-1014 or 3000-4999"],
    ["/close/1015", "Invalid close code 1015: must be 1000-1003, 1007-1014 or 3000-4999"],
    ["/close/999", "Invalid close code 999: must be 1000-1003, 1007-1014 or 3000-4999"],
    ["/close/5000", "Invalid close code 5000: must be 1000-1003, 1007-1014 or 3000-4999"],
    ["/close/abc", "Invalid close code abc: must be 1000-1003, 1007-1014 or 3000-4999"],
    [`/close/1000/${"x".repeat(124)}`, "Invalid close reason: 124 UTF-8 bytes, at most 123 allowed"],
    [`/close/1000/${"%C3%A9".repeat(62)}`, "Invalid close reason: 124 UTF-8 bytes, at most 123 allowed"],
    ["/close/1000/%E0%A4", 'Invalid close reason "%E0%A4": bad percent-encoding'],
    ["/close", "Bad route: use /close/<code>[/<reason>] or /close/none"],
    ["/close/none/why", "Bad route: /close/none takes no reason (a reason needs a code)"],
    ["/reject/101", 'Invalid status "101": must be an integer from 100 to 599, not 101'],
    ["/reject/600", 'Invalid status "600": must be an integer from 100 to 599, not 101'],
    ["/reject/99", 'Invalid status "99": must be an integer from 100 to 599, not 101'],
    ["/reject/abc", 'Invalid status "abc": must be an integer from 100 to 599, not 101'],
    ["/reject", "Bad route: use /reject/<status>"],
    ["/delay/60001", 'Invalid delay "60001": must be a number of ms from 0 to 60000'],
    ["/delay/-1", 'Invalid delay "-1": must be a number of ms from 0 to 60000'],
    ["/delay/Infinity", 'Invalid delay "Infinity": must be a number of ms from 0 to 60000'],
    ["/delay/abc", 'Invalid delay "abc": must be a number of ms from 0 to 60000'],
    [
      `/send/${MAX_PAYLOAD + 1}`,
      `Invalid size "${MAX_PAYLOAD + 1}": must be an integer from 0 to ${MAX_PAYLOAD}`,
    ],
    ["/send/1.5", `Invalid size "1.5": must be an integer from 0 to ${MAX_PAYLOAD}`],
    ["/send/-1", `Invalid size "-1": must be an integer from 0 to ${MAX_PAYLOAD}`],
    ["/drop?after=x", `Invalid after "x": must be an integer from 0 to ${Number.MAX_SAFE_INTEGER}`],
    ["/drop?delay=70000", 'Invalid delay "70000": must be a number of ms from 0 to 60000'],
    ["/drop/extra", "Bad route: use /drop[?after=N][&delay=ms]"],
    ["/hang/extra", "Bad route: use /hang"],
    ["/garbage?delay=-5", 'Invalid delay "-5": must be a number of ms from 0 to 60000'],
    ["/garbage/extra", "Bad route: use /garbage[?delay=ms]"],
    ["/invalid-utf8?delay=soon", 'Invalid delay "soon": must be a number of ms from 0 to 60000'],
    ["/invalid-utf8/extra", "Bad route: use /invalid-utf8[?delay=ms]"],
    ["/room/", "Bad route: use /room/<name> with a non-empty name"],
    ["/room/%ZZ", 'Bad room name "%ZZ": bad percent-encoding'],
  ])("%s", async (path, body) => {
    const res = await refused(shared(path));
    expect(res.status).toBe(400);
    expect(res.headers["content-type"]).toBe("text/plain");
    expect(res.body).toBe(body);
  });
});

describe("a request target the URL parser rejects", () => {
  it("gets 400 instead of crashing the server", async () => {
    const port = Number(new URL(shared()).port);
    const res = await rawHandshake(port, "http://x:99999/");
    expect(res.statusLine).toBe("HTTP/1.1 400 Bad Request");
    const ws = await open(shared()); // still serving
    ws.terminate();
  });
});
