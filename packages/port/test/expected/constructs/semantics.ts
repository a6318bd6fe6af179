import { type LuaValue, lua } from "@wsport/port-runtime";

// Lua's semantics kept.
const M: LuaValue = {};

const Account: LuaValue = {};
Account.__index = Account;

Account.new = lua.fn(function new_(owner: LuaValue, balance: LuaValue) {
  const self: LuaValue = lua.setmetatable({}, Account);
  self.owner = owner;
  self.balance = lua.or(balance, 0);
  return self;
});

Account.deposit = lua.fn(function deposit(self: LuaValue, v: LuaValue) {
  self.balance = lua.add(self.balance, v);
  return self.balance;
});

M.min_max = lua.fn(function min_max(...args: LuaValue[]) {
  const n: LuaValue = args.length;
  let lo: LuaValue = lua.math.huge;
  let hi: LuaValue = -lua.math.huge;
  for (const i of lua.range(1, n)) {
    const v: LuaValue = lua.first(lua.select(i, ...args));
    if (v < lo) {
      lo = v;
    }
    if (v > hi) {
      hi = v;
    }
  }
  return lua.ret(lo, hi);
});

M.demo = lua.fn(function demo() {
  const t: LuaValue = { 1: "a", 2: "b", 3: "c" };
  t[lua.len(t) + 1] = "d";
  const keys: LuaValue = {};
  for (const [k, v] of lua.pairs({ x: 1, y: 2 })) {
    keys[lua.len(keys) + 1] = lua.concat(k, "=", v);
  }
  const out: LuaValue = {};
  for (const [i, v] of lua.ipairs(t)) {
    out[i] = lua.concat(i, v);
  }
  const [lo, hi]: LuaValue[] = lua.values(2, ...lua.all(M.min_max(5, 3, 9)));
  const zero_is_true: LuaValue = lua.or(lua.and(0, "yes"), "no");
  const acc: LuaValue = Account.new("ann");
  lua.method(acc, "deposit", 10);
  const words: LuaValue = {};
  for (const [w] of lua.iterate(lua.string.gmatch("one two  three", "%a+"))) {
    lua.table.insert(words, w);
  }
  const [s, n]: LuaValue[] = lua.values(2, ...lua.all(lua.string.gsub("hello world", "o", "0")));
  return lua.ret(
    lua.table.concat(out, ","),
    lua.len(t),
    lo,
    hi,
    zero_is_true,
    acc.balance,
    lua.table.concat(words, "|"),
    s,
    n,
    Math.floor(7 / 2),
    7 / 2,
    lua.mod(-7, 3),
    lua.concat(1, ""),
    2 ** 10,
  );
});

export default M;
export const min_max = M.min_max;
export const demo = M.demo;
