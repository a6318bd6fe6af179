// NodePath's members and NodePath accepted wherever Godot takes one (Node and the browsers).
import { Node, NodePath, SceneMultiplayer, SceneTree } from "@wsport/godot-compat";
import { expect, it } from "vitest";
import { capturePrints } from "./helpers.ts";

capturePrints();

it("names, subnames, concatenations, slice, the property path, hash", () => {
  const path = new NodePath("/root/Level/Player:position:x");
  expect([path.is_absolute(), path.get_name_count(), path.get_subname_count()]).toEqual([true, 3, 2]);
  expect([path.get_concatenated_names(), path.get_concatenated_subnames()]).toEqual([
    "root/Level/Player",
    "position:x",
  ]);
  expect(String(path.slice(1))).toBe("Level/Player:position:x");
  expect(String(path.slice(0, 2))).toBe("/root/Level");
  expect(String(path.slice(-2))).toBe(":position:x");
  expect(String(new NodePath("Sprite").get_as_property_path())).toBe(":Sprite");
  expect(path.hash()).toBe(new NodePath("/root/Level/Player:position:x").hash());
  expect(path.hash()).not.toBe(new NodePath("/root/Level").hash());
  expect(new NodePath("").is_empty()).toBe(true);
});

it("get_node, has_node, get_node_or_null and the multiplayer branch take a NodePath", () => {
  const tree = new SceneTree();
  const level = new Node();
  level.name = "Level";
  const kid = new Node();
  kid.name = "Kid";
  level.add_child(kid);
  tree.root.add_child(level);
  expect(level.get_node(new NodePath("Kid"))).toBe(kid);
  expect(tree.root.get_node(new NodePath("/root/Level/Kid"))).toBe(kid);
  expect(level.has_node(new NodePath("Kid"))).toBe(true);
  expect(level.get_node_or_null(new NodePath("Nope"))).toBe(null);
  const api = new SceneMultiplayer();
  tree.set_multiplayer(api, new NodePath("/root/Level"));
  expect(tree.get_multiplayer(new NodePath("/root/Level/Kid"))).toBe(api);
  expect(String(api.get_root_path())).toBe("/root/Level");
});
