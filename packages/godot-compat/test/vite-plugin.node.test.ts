// @wsport/godot-compat/vite: the plugin lowers standard decorators in the app's own files, and leaves
// everything else to Vite.
import { describe, expect, it } from "vitest";
import { standardDecorators } from "../src/vite.ts";

const decorated = `
import { Node, rpc } from "@wsport/godot-compat";
export class Game extends Node {
  @rpc("any_peer")
  ask(text: string): void {}
}`;

describe("standardDecorators()", () => {
  const plugin = standardDecorators();

  it("is a pre-transform plugin named for what it does", () => {
    expect(plugin.name).toBe("wsport:standard-decorators");
    expect(plugin.enforce).toBe("pre");
  });

  it("lowers a decorated method in a .ts file and keeps a source map", async () => {
    const out = await plugin.transform(decorated, "/app/src/game.ts");
    expect(out).not.toBeNull();
    expect(out?.code).not.toMatch(/^\s*@rpc/m);
    expect(out?.code).toContain("any_peer");
    expect(JSON.parse(out?.map ?? "{}").sources).toEqual(["/app/src/game.ts"]);
  });

  it("lowers decorators in JavaScript files too, query strings aside", async () => {
    const js = decorated.replace("text: string", "text").replace("): void", ")");
    const out = await plugin.transform(js, "/app/src/game.js?v=1");
    expect(out?.code).not.toMatch(/^\s*@rpc/m);
  });

  it("leaves files without decorators, other file types and node_modules alone", async () => {
    expect(await plugin.transform("export const a = 1;", "/app/src/a.ts")).toBeNull();
    expect(await plugin.transform(decorated, "/app/src/style.css")).toBeNull();
    expect(await plugin.transform(decorated, "/app/node_modules/lib/index.ts")).toBeNull();
    expect(await plugin.transform('const mail = "a@b.c";', "/app/src/a.ts")).toBeNull();
  });

  it("reports a syntax error in the file it was given", async () => {
    await expect(plugin.transform("@rpc\nclass {", "/app/src/broken.ts")).rejects.toThrow(/broken\.ts/);
  });
});
