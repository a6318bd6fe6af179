// The replication classes without a network (Node and the browsers): SceneReplicationConfig,
// MultiplayerSpawner and MultiplayerSynchronizer members as properties and as get_/set_ methods,
// register_scene/preload, Node's lifecycle signals, and bad input for every public method.
import {
  ERR_INVALID_PARAMETER,
  load,
  MultiplayerSpawner,
  MultiplayerSynchronizer,
  Node,
  NodePath,
  PackedScene,
  preload,
  register_scene,
  SceneMultiplayer,
  SceneReplicationConfig,
  SceneTree,
} from "@wsport/godot-compat";
import { describe, expect, it } from "vitest";
import { capturePrints } from "./helpers.ts";

const prints = capturePrints();
const printed = () => prints.spy.mock.calls.map((c) => String(c[0]).replace(/^ERROR: /, ""));
const R = SceneReplicationConfig;

describe("SceneReplicationConfig", () => {
  it("adds properties spawned and synchronized ALWAYS, in order, at an index, and by NodePath", () => {
    const config = R.new();
    config.add_property(".:position");
    config.add_property(new NodePath("Sprite:modulate"));
    config.add_property("Body:position:x", 0);
    expect(config.get_properties().map(String)).toEqual(["Body:position:x", ".:position", "Sprite:modulate"]);
    expect(config.property_get_index("Sprite:modulate")).toBe(2);
    expect(config.has_property(".:position")).toBe(true);
    expect(config.property_get_spawn(".:position")).toBe(true);
    expect(config.property_get_replication_mode(".:position")).toBe(R.REPLICATION_MODE_ALWAYS);
    expect(config.property_get_sync(".:position")).toBe(true);
    expect(config.property_get_watch(".:position")).toBe(false);
    config.property_set_watch(".:position", true);
    expect(config.property_get_replication_mode(".:position")).toBe(config.REPLICATION_MODE_ON_CHANGE);
    config.property_set_sync(".:position", false); // not ALWAYS: unchanged
    expect(config.property_get_watch(".:position")).toBe(true);
    config.property_set_watch(".:position", false);
    expect(config.property_get_replication_mode(".:position")).toBe(R.REPLICATION_MODE_NEVER);
    config.property_set_spawn(".:position", false);
    expect(config.property_get_spawn(".:position")).toBe(false);
    config.remove_property(".:position");
    expect(config.has_property(".:position")).toBe(false);
    expect(printed()).toEqual([]);
  });

  it("refuses bad input with Godot's prints and changes nothing", () => {
    const config = new R();
    config.add_property(".:a");
    config.add_property(".:a");
    config.add_property("");
    config.add_property(42 as never);
    config.add_property(".:b", 5);
    config.add_property(".:b", 1.5);
    expect(config.get_properties().map(String)).toEqual([".:a"]);
    expect(config.property_get_index(".:missing")).toBe(-1);
    expect(config.property_get_spawn(".:missing")).toBe(false);
    config.property_set_spawn(".:missing", true);
    config.property_set_spawn(".:a", "yes" as never);
    expect(config.property_get_replication_mode(".:missing")).toBe(R.REPLICATION_MODE_NEVER);
    config.property_set_replication_mode(".:a", 3);
    config.property_set_replication_mode(".:missing", 1);
    expect(config.property_get_sync(".:missing")).toBe(false);
    config.property_set_sync(".:a", 1 as never);
    expect(config.property_get_watch(".:missing")).toBe(false);
    config.property_set_watch(".:missing", true);
    config.remove_property(".:missing");
    expect(config.has_property(null as never)).toBe(false);
    expect(config.property_get_replication_mode(".:a")).toBe(R.REPLICATION_MODE_ALWAYS);
    expect(config.property_get_spawn(".:a")).toBe(true);
    expect(printed().length).toBe(16);
    expect(printed()[0]).toContain("already configured");
  });
});

describe("MultiplayerSynchronizer", () => {
  it("has Godot's defaults, every property also as get_/set_ methods, and its constants", () => {
    const sync = MultiplayerSynchronizer.new();
    expect(String(sync.root_path)).toBe("..");
    expect(sync.replication_interval).toBe(0);
    expect(sync.delta_interval).toBe(0);
    expect(sync.replication_config).toBeNull();
    expect(sync.visibility_update_mode).toBe(MultiplayerSynchronizer.VISIBILITY_PROCESS_IDLE);
    expect(sync.public_visibility).toBe(true);
    expect(sync.get_visibility_for(0)).toBe(true);
    sync.set_root_path("../Other");
    expect(String(sync.get_root_path())).toBe("../Other");
    sync.set_replication_interval(0.25);
    expect(sync.get_replication_interval()).toBe(0.25);
    sync.set_delta_interval(0.5);
    expect(sync.get_delta_interval()).toBe(0.5);
    const config = new R();
    sync.set_replication_config(config);
    expect(sync.get_replication_config()).toBe(config);
    sync.set_visibility_update_mode(sync.VISIBILITY_PROCESS_NONE);
    expect(sync.get_visibility_update_mode()).toBe(2);
    sync.set_visibility_public(false);
    expect(sync.is_visibility_public()).toBe(false);
    sync.set_visibility_for(5, true);
    expect(sync.get_visibility_for(5)).toBe(true);
    const filter = () => true;
    sync.add_visibility_filter(filter);
    sync.remove_visibility_filter(filter);
    sync.update_visibility(); // outside a tree: nothing to tell
    expect(MultiplayerSynchronizer.VISIBILITY_PROCESS_PHYSICS).toBe(1);
    expect(printed()).toEqual([]);
  });

  it("refuses bad input with Godot's prints and changes nothing", () => {
    const sync = new MultiplayerSynchronizer();
    sync.root_path = 3 as never;
    sync.replication_interval = -1;
    sync.delta_interval = Number.NaN;
    sync.replication_config = {} as never;
    sync.visibility_update_mode = 7;
    sync.set_visibility_for(1.5, true);
    sync.set_visibility_for(2, "yes" as never);
    sync.add_visibility_filter("f" as never);
    sync.remove_visibility_filter(() => true);
    sync.update_visibility("x" as never);
    expect(String(sync.root_path)).toBe("..");
    expect(sync.replication_interval).toBe(0);
    expect(sync.delta_interval).toBe(0);
    expect(sync.replication_config).toBeNull();
    expect(sync.visibility_update_mode).toBe(0);
    expect(sync.get_visibility_for(2)).toBe(false);
    expect(printed().length).toBe(10);
    expect(printed()[1]).toBe("Interval must be greater or equal to 0 (where 0 means default)");
  });
});

describe("MultiplayerSpawner", () => {
  it("has every property also as get_/set_ methods, and its spawnable scene list", () => {
    const spawner = MultiplayerSpawner.new();
    expect(String(spawner.spawn_path)).toBe("");
    expect(spawner.spawn_limit).toBe(0);
    expect(spawner.spawn_function).toBeNull();
    spawner.set_spawn_path("../Players");
    expect(String(spawner.get_spawn_path())).toBe("../Players");
    spawner.set_spawn_limit(3);
    expect(spawner.get_spawn_limit()).toBe(3);
    const make = () => new Node();
    spawner.set_spawn_function(make);
    expect(spawner.get_spawn_function()).toBe(make);
    spawner.add_spawnable_scene("res://a.tscn");
    spawner.add_spawnable_scene("res://b.tscn");
    expect(spawner.get_spawnable_scene_count()).toBe(2);
    expect(spawner.get_spawnable_scene(1)).toBe("res://b.tscn");
    spawner.clear_spawnable_scenes();
    expect(spawner.get_spawnable_scene_count()).toBe(0);
    expect(printed()).toEqual([]);
  });

  it("refuses bad input with Godot's prints and changes nothing", () => {
    const spawner = new MultiplayerSpawner();
    spawner.add_spawnable_scene(7 as never);
    expect(spawner.get_spawnable_scene(0)).toBe("");
    expect(spawner.get_spawnable_scene(-1)).toBe("");
    spawner.spawn_path = {} as never;
    spawner.spawn_limit = -2;
    spawner.spawn_limit = 1.5;
    spawner.spawn_function = "f" as never;
    expect(spawner.spawn()).toBeNull(); // not in a tree
    expect(spawner.get_spawnable_scene_count()).toBe(0);
    expect(spawner.spawn_limit).toBe(0);
    expect(spawner.spawn_function).toBeNull();
    expect(printed().length).toBe(8);
  });

  it("in a tree without a peer, or without a spawn_function or spawn node, spawn() is refused", () => {
    const tree = new SceneTree();
    const spawner = new MultiplayerSpawner();
    tree.root.add_child(spawner);
    expect(spawner.spawn()).toBeNull();
    expect(printed()).toEqual([
      "Custom spawn requires the 'spawn_function' property to be a valid callable.",
    ]);
    spawner.spawn_function = () => new Node();
    expect(spawner.spawn(1)).toBeNull();
    expect(printed()[1]).toBe("Cannot find spawn node.");
    spawner.spawn_path = ".";
    spawner.spawn_function = () => "not a node";
    expect(spawner.spawn(1)).toBeNull();
    expect(printed().slice(2)).toEqual([
      "The spawn function must return a Node.",
      "The 'spawn_function' callable must return a valid node.",
    ]);
  });
});

describe("scenes", () => {
  it("register_scene maps a path to a factory; preload(path).instantiate() sets scene_file_path", () => {
    class Thing extends Node {}
    const scene = register_scene("res://thing.tscn", () => new Thing());
    expect(scene).toBeInstanceOf(PackedScene);
    expect(preload("res://thing.tscn")).toBe(scene);
    expect(load("res://thing.tscn")).toBe(scene);
    expect(scene.can_instantiate()).toBe(true);
    expect(scene.resource_path).toBe("res://thing.tscn");
    const node = scene.instantiate();
    expect(node).toBeInstanceOf(Thing);
    expect(node.scene_file_path).toBe("res://thing.tscn");
    expect(node.get_scene_file_path()).toBe("res://thing.tscn");
    expect(new Node().scene_file_path).toBe("");
    expect(printed()).toEqual([]);
  });

  it("refuses bad input with Godot's prints", () => {
    expect(load("res://missing.tscn")).toBeNull();
    expect(preload(3 as never)).toBeNull();
    expect(register_scene("", () => new Node())).toBeNull();
    expect(register_scene("res://x.tscn", "f" as never)).toBeNull();
    expect(register_scene("res://bad.tscn", () => "no" as never).instantiate()).toBeNull();
    expect(
      register_scene("res://throws.tscn", () => {
        throw new Error("boom");
      }).instantiate(),
    ).toBeNull();
    const node = new Node();
    node.scene_file_path = 5 as never;
    node.set_scene_file_path("res://ok.tscn");
    expect(node.scene_file_path).toBe("res://ok.tscn");
    expect(printed()[0]).toBe("Resource file not found: res://missing.tscn (expected type: PackedScene)");
    expect(printed().length).toBe(7);
  });
});

describe("SceneTree.paused", () => {
  it("stops _process on the nodes while the tree still polls the network", () => {
    const tree = new SceneTree();
    let frames = 0;
    class Ticker extends Node {
      _process(): void {
        frames++;
      }
    }
    tree.root.add_child(new Ticker());
    tree.process(0.1);
    tree.paused = true;
    tree.process(0.1);
    tree.paused = false;
    tree.process(0.1);
    expect(frames).toBe(2);
  });
});

describe("Node's lifecycle signals", () => {
  it("fire in Godot's order: tree_entered then child_entered_tree, ready children first, tree_exiting, tree_exited", () => {
    const tree = new SceneTree();
    const log: string[] = [];
    const parent = new Node();
    parent.name = "P";
    const child = new Node();
    child.name = "C";
    parent.add_child(child);
    for (const node of [parent, child]) {
      node.tree_entered.connect(() => log.push(`${node.name} entered`));
      node.ready.connect(() => log.push(`${node.name} ready`));
      node.tree_exiting.connect(() => log.push(`${node.name} exiting`));
      node.tree_exited.connect(() => log.push(`${node.name} exited`));
      node.child_entered_tree.connect((n) => log.push(`${node.name} got ${n.name}`));
      node.child_exiting_tree.connect((n) => log.push(`${node.name} loses ${n.name}`));
    }
    tree.root.add_child(parent);
    tree.root.remove_child(parent);
    expect(log).toEqual([
      "P entered",
      "C entered",
      "P got C",
      "C ready",
      "P ready",
      "C exiting",
      "P loses C",
      "P exiting",
      "C exited",
      "P exited",
    ]);
  });
});

describe("SceneMultiplayer's replication members", () => {
  it("multiplayer_peer as set_multiplayer_peer / get_multiplayer_peer (what the bomber demo calls)", () => {
    const api = SceneMultiplayer.new();
    const offline = api.get_multiplayer_peer();
    expect(offline).not.toBeNull();
    api.set_multiplayer_peer(null);
    expect(api.get_multiplayer_peer()).toBeNull();
    api.set_multiplayer_peer(offline);
    expect(api.multiplayer_peer).toBe(offline);
    api.set_multiplayer_peer("peer" as never);
    expect(api.get_multiplayer_peer()).toBe(offline);
    expect(printed()).toEqual([
      expect.stringContaining("multiplayer_peer must be a MultiplayerPeer or null"),
    ]);
  });

  it("max_sync_packet_size and max_delta_packet_size (Godot's 1350 and 65535), at least 128", () => {
    const api = SceneMultiplayer.new();
    expect(api.max_sync_packet_size).toBe(1350);
    expect(api.get_max_delta_packet_size()).toBe(65535);
    api.set_max_sync_packet_size(200);
    api.max_delta_packet_size = 300;
    expect(api.get_max_sync_packet_size()).toBe(200);
    expect(api.max_delta_packet_size).toBe(300);
    api.max_sync_packet_size = 127;
    api.set_max_delta_packet_size(1.5);
    expect([api.max_sync_packet_size, api.max_delta_packet_size]).toEqual([200, 300]);
    expect(printed()).toEqual([
      "Sync maximum packet size must be at least 128 bytes.",
      "Sync maximum packet size must be at least 128 bytes.",
    ]);
  });

  it("object_configuration_add/remove refuse what is neither a branch root nor a spawner or synchronizer", () => {
    const tree = new SceneTree();
    const api = tree.get_multiplayer() as SceneMultiplayer;
    expect(api.object_configuration_add(new Node(), 42)).toBe(ERR_INVALID_PARAMETER);
    expect(api.object_configuration_remove(null, new Node())).toBe(ERR_INVALID_PARAMETER);
    expect(api.object_configuration_add("x" as never, new MultiplayerSpawner())).toBe(ERR_INVALID_PARAMETER);
    expect(String(api.get_root_path())).toBe("/root");
  });
});
