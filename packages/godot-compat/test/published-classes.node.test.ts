// The package's code as published (dist/): every class an entry exports prints under the name it is
// exported as, so users see `Crypto`, not the `Crypto2` or `_JSON` a bundler makes when two bindings share
// a name. Every export is looped over, so a class added later is checked too.
import { inspect } from "node:util";
import { expect, it } from "vitest";
import { builtPackage } from "../../../test/built.ts";

const dist = `${builtPackage("godot-compat", "node.js")}dist/`;

/** Exported under another name on purpose: a class named Object would shadow JavaScript's own in its module. */
const RENAMED: Readonly<Record<string, string>> = { Object: "GodotObject" };

function isClass(value: unknown): value is abstract new (...args: never[]) => unknown {
  return typeof value === "function" && /^class\b/.test(Function.prototype.toString.call(value));
}

it.each(["node.js", "index.js"])("dist/%s: each exported class has its own name", async (file) => {
  const entry = (await import(`${dist}${file}`)) as Record<string, unknown>;
  const classes = Object.entries(entry).flatMap(([name, value]) =>
    isClass(value) ? [[name, value] as const] : [],
  );
  // The entries export sixty-odd classes, the Node entry's own subclasses among them.
  expect(classes.map(([name]) => name)).toEqual(
    expect.arrayContaining(["WebSocketPeer", "WebSocketMultiplayerPeer", "Crypto", "CryptoKey", "JSON"]),
  );
  expect(classes.length).toBeGreaterThan(50);
  const wrong = classes.flatMap(([exported, cls]) => {
    const name = RENAMED[exported] ?? exported;
    const printed = inspect(cls);
    return cls.name === name && printed.startsWith(`[class ${name}`) ? [] : [`${exported}: ${printed}`];
  });
  expect(wrong).toEqual([]);
});
