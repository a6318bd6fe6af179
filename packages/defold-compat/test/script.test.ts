// runScript plays the engine: one `self` for every lifecycle call, and a websocket.connect made
// during a call (or inside a callback) delivers to that `self` without a 4th argument, as in Defold.
import { type Connection, type EventData, runScript, websocket } from "@wsport/defold-compat";
import { afterEach, expect, it } from "vitest";
import { EventLog, serverUrl } from "../../../test/events.ts";

interface Self {
  connection?: Connection;
  lines: string[];
}

const opened: Connection[] = [];
afterEach(() => {
  for (const connection of opened.splice(0)) websocket.disconnect(connection);
});

it("a connect made in init() hands the script's self to the callback, as first argument and this", async () => {
  const seen = new EventLog<{ self: unknown; self_this: unknown; event: number }>();
  function callback(this: Self, self: Self, _conn: Connection, data: EventData) {
    seen.push({ self, self_this: this, event: data.event });
    if (data.event === websocket.EVENT_CONNECTED) self.lines.push("connected");
  }
  const instance = runScript<Self>(
    {
      init(self) {
        self.lines = [];
        self.connection = websocket.connect(serverUrl("/"), {}, callback);
        opened.push(self.connection);
      },
    },
    { lines: [] },
  );
  instance.init();
  const connected = await seen.waitFor((e) => e.event === websocket.EVENT_CONNECTED);
  expect(connected.self).toBe(instance.self);
  expect(connected.self_this).toBe(instance.self);
  expect(instance.self.lines).toEqual(["connected"]);
});

it("each lifecycle function gets the same self and its arguments; on_input reports whether it consumed", () => {
  const calls: string[] = [];
  const instance = runScript({
    init: (self: Record<string, unknown>) => calls.push(`init ${typeof self}`),
    update: (_self, dt) => calls.push(`update ${dt}`),
    on_input: (_self, action_id, action) => {
      calls.push(`on_input ${action_id} ${action.pressed}`);
      return true;
    },
    on_message: (_self, id, message) => calls.push(`on_message ${id} ${JSON.stringify(message)}`),
    final: (self) => calls.push(`final ${self === instance.self}`),
  });
  instance.init();
  instance.update(0.016);
  expect(instance.on_input("touch", { pressed: true })).toBe(true);
  instance.on_message("hello");
  instance.fixed_update(0.02); // not defined by this script: nothing happens
  instance.final();
  expect(calls).toEqual([
    "init object",
    "update 0.016",
    "on_input touch true",
    "on_message hello {}",
    "final true",
  ]);
});

it("a connect made inside a callback, or outside any script, keeps its owner; an explicit 4th argument wins", async () => {
  const log = new EventLog<{ self: unknown; tag: string; event: number }>();
  const explicit = { name: "explicit" };
  const instance = runScript<{ name: string }>(
    {
      init() {
        const first = websocket.connect(serverUrl("/"), {}, (self, _c, data) => {
          log.push({ self, tag: "first", event: data.event });
          if (data.event === websocket.EVENT_CONNECTED) {
            // Defold runs the callback as the script: a connect made here belongs to it too.
            opened.push(
              websocket.connect(serverUrl("/"), {}, (s, _c2, d) =>
                log.push({ self: s, tag: "nested", event: d.event }),
              ),
            );
          }
        });
        opened.push(first);
        opened.push(
          websocket.connect(
            serverUrl("/"),
            {},
            (s, _c, d) => log.push({ self: s, tag: "explicit", event: d.event }),
            explicit,
          ),
        );
      },
    },
    { name: "script" },
  );
  instance.init();
  opened.push(
    websocket.connect(serverUrl("/"), {}, (s, _c, d) =>
      log.push({ self: s, tag: "outside", event: d.event }),
    ),
  );
  const owner = async (tag: string) =>
    (await log.waitFor((e) => e.tag === tag && e.event === websocket.EVENT_CONNECTED, 8000, tag)).self;
  expect(await owner("first")).toBe(instance.self);
  expect(await owner("nested")).toBe(instance.self);
  expect(await owner("explicit")).toBe(explicit);
  expect(await owner("outside")).toBeUndefined();
});

it("bad input: runScript throws a clear TypeError for a missing script, a non-object self, a non-function entry", () => {
  expect(() => runScript(undefined as never)).toThrow(
    "runScript() needs the script's functions (an object), got undefined",
  );
  expect(() => runScript({}, null as never)).toThrow("runScript() needs an object as self, got null");
  expect(() => runScript({}, 3 as never)).toThrow("runScript() needs an object as self, got number");
  expect(() => runScript({ init: "go" } as never)).toThrow(
    "runScript(): 'init' must be a function, got string",
  );
});

it("an exception in a lifecycle function reaches the caller and leaves no script marked as running", async () => {
  const instance = runScript({
    update() {
      throw new Error("boom");
    },
  });
  expect(() => instance.update(0)).toThrow("boom");
  const log = new EventLog<unknown>();
  opened.push(websocket.connect(serverUrl("/"), {}, (self, _c, d) => d.event === 0 && log.push(self)));
  expect(await log.waitForCount(1)).toBeUndefined();
});
