import { type LuaValue, lua } from "@wsport/port-runtime";

// A producer and a consumer.
// wsport-port: a coroutine's code: a generator function (coroutine.yield is `yield`, calls to it `yield*`)
function* produce(n: LuaValue): Generator<LuaValue, LuaValue, LuaValue> {
  for (let i = 1; i <= n; i++) {
    const reply: LuaValue = lua.first(yield lua.ret(lua.concat("item ", i)));
    if (reply === "stop") {
      return "stopped";
    }
  }
  return "done";
}

// wsport-port: a coroutine's code: a generator function (coroutine.yield is `yield`, calls to it `yield*`)
function* relay(n: LuaValue): Generator<LuaValue, LuaValue, LuaValue> {
  const result: LuaValue = yield* produce(n);
  return lua.concat(result, "!");
}

const co: LuaValue = lua.coroutine.create(
  // wsport-port: a coroutine's code: a generator function (coroutine.yield is `yield`, calls to it `yield*`)
  function* (n: LuaValue): Generator<LuaValue, LuaValue, LuaValue> {
    return yield* relay(n);
  },
);
const log: LuaValue = {};
let [ok, value]: LuaValue[] = lua.values(2, ...lua.all(lua.coroutine.resume(co, 3)));
while (lua.coroutine.status(co) !== "dead") {
  log[lua.len(log) + 1] = value;
  [ok, value] = lua.values(
    2,
    ...lua.all(lua.coroutine.resume(co, lua.or(lua.len(log) === 2 && "stop", "more"))),
  );
}
log[lua.len(log) + 1] = value;
const gen: LuaValue = lua.coroutine.wrap(
  // wsport-port: a coroutine's code: a generator function (coroutine.yield is `yield`, calls to it `yield*`)
  function* (): Generator<LuaValue, LuaValue, LuaValue> {
    yield lua.ret(1);
    yield lua.ret(2);
  },
);
lua.print(
  lua.table.concat(log, ","),
  lua.first(gen()),
  lua.first(gen()),
  lua.tostring(ok),
  lua.coroutine.status(co),
);
