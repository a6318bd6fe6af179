// Godot 4.7's class database (docs/spec/godot-class-db.json) as the package's checklist. The published types
// are measured by scripts/class-db.mjs (TypeScript's checker: names, static or not, argument counts, the
// Error type); this test checks that docs/spec/godot-not-built.md lists exactly what is missing, and that
// every member the types promise is there at run time with Godot's values.
import { readFileSync } from "node:fs";
import * as godot from "@wsport/godot-compat";
import { beforeAll, describe, expect, it } from "vitest";
import { figures, type GodotClass, loadClassDb, type MeasuredClass, measure } from "../scripts/class-db.mjs";
import { notBuiltPath, renderNotBuilt } from "../scripts/not-built.mjs";
import { NO_REASON } from "../scripts/not-built-reasons.mjs";

const db = loadClassDb();
const exported = godot as unknown as Record<string, unknown>;
let measured: MeasuredClass[];

beforeAll(() => {
  measured = measure(db);
  const { rows, present, total } = figures(measured);
  console.log(
    `Godot 4.7 class database: ${present}/${total} members present\n${rows
      .map((r) => `  ${r.name} ${r.present}/${r.total}`)
      .join("\n")}`,
  );
}, 120_000);

it("docs/spec/godot-not-built.md lists exactly the members the package lacks (regenerate: pnpm --filter @wsport/godot-compat spec:not-built)", () => {
  expect(readFileSync(notBuiltPath, "utf8")).toBe(renderNotBuilt(measured));
});

it("every member not built has its reason (scripts/not-built-reasons.mjs)", () => {
  expect(
    renderNotBuilt(measured)
      .split("\n")
      .filter((line) => line.endsWith(`| ${NO_REASON} |`)),
  ).toEqual([]);
});

type Constructor = (new () => Record<string, unknown>) & Record<string, unknown>;

/** An instance to read instance members from, or null when the class cannot be made without arguments. */
function instanceOf(cls: Constructor): Record<string, unknown> | null {
  try {
    return new cls();
  } catch {
    return null;
  }
}

/** The exported classes that extend `cls` and Godot can instantiate. */
function subclassesOf(cls: Constructor): Constructor[] {
  return Object.entries(exported)
    .filter(
      ([name, value]) =>
        typeof value === "function" &&
        value.prototype instanceof cls &&
        godotClass(name).is_instantiable !== false,
    )
    .map(([, value]) => value as Constructor);
}

function godotClass(name: string): GodotClass {
  return db.classes[name] ?? db.builtin_classes[name] ?? { name };
}

describe("what the types promise is there at run time", () => {
  it.each(
    [...Object.keys(db.classes), ...Object.keys(db.builtin_classes)].filter(
      (name) => typeof exported[name] === "function",
    ),
  )("%s", (name) => {
    const cls = exported[name] as Constructor;
    const spec = godotClass(name);
    const present = new Set(
      measured
        .find((c) => c.name === name)
        ?.members.filter((m) => m.present)
        .map((m) => `${m.kind}:${m.name}`),
    );
    // An abstract class (MultiplayerAPI) is read through an instance of a class that extends it.
    const concrete = spec.is_instantiable === false ? (subclassesOf(cls)[0] ?? cls) : cls;
    const instance = instanceOf(concrete);
    const proto = cls.prototype as Record<string, unknown>;
    for (const m of spec.methods ?? []) {
      if (m.is_virtual) continue;
      const kind = m.is_static ? "static method" : "method";
      if (!present.has(`${kind}:${m.name}`)) continue;
      if (m.is_static) expect(typeof cls[m.name], `${name}.${m.name}`).toBe("function");
      // Godot's abstract classes (MultiplayerPeer) leave a method to each class that extends them.
      else if (spec.is_instantiable === false && proto[m.name] === undefined) {
        for (const sub of subclassesOf(cls))
          expect(typeof sub.prototype[m.name], `${sub.name}.${m.name}`).toBe("function");
      } else expect(typeof proto[m.name], `${name}.${m.name}`).toBe("function");
    }
    for (const p of spec.properties ?? []) {
      if (!present.has(`property:${p.name}`) || !instance) continue;
      expect(p.name in instance, `${name}.${p.name}`).toBe(true);
      if (p.getter) {
        const viaGetter = (instance[p.getter] as () => unknown).call(instance);
        expect(viaGetter, `${name}.${p.getter}() is ${name}.${p.name}`).toEqual(instance[p.name]);
      }
      if (p.setter) expect(typeof instance[p.setter], `${name}.${p.setter}`).toBe("function");
    }
    for (const s of spec.signals ?? []) {
      if (!present.has(`signal:${s.name}`) || !instance) continue;
      expect(instance[s.name], `${name}.${s.name}`).toBeInstanceOf(godot.Signal);
      expect((instance[s.name] as godot.Signal).get_name()).toBe(s.name);
    }
    const constants = [
      ...(spec.constants ?? []).map((c) => ({ ...c, kind: "constant" })),
      ...(spec.enums ?? []).flatMap((e) => e.values.map((v) => ({ ...v, kind: `enum ${e.name}` }))),
    ];
    for (const c of constants) {
      if (!present.has(`${c.kind}:${c.name}`)) continue;
      expect(cls[c.name], `${name}.${c.name}`).toBe(c.value);
      expect(proto[c.name], `${name}.new().${c.name}`).toBe(c.value);
    }
  });

  it("@GlobalScope utility functions", () => {
    const present = measured.find((c) => c.group === "utility")?.members.filter((m) => m.present) ?? [];
    for (const m of present) expect(typeof exported[m.name], m.name).toBe("function");
  });
});
