// Object, Node and SceneTree members that need no renderer, with Godot's behaviour (Node and the browsers).
import {
  Callable,
  ERR_INVALID_PARAMETER,
  ERR_UNAVAILABLE,
  Object as GodotObject,
  instance_from_id,
  is_instance_id_valid,
  is_instance_valid,
  Node,
  NodePath,
  OK,
  SceneTree,
  Signal,
} from "@wsport/godot-compat";
import { describe, expect, it } from "vitest";
import { capturePrints } from "./helpers.ts";

const prints = capturePrints();

class Player extends Node {
  readonly hit = new Signal<[damage: number]>(this, "hit");
  health = 10;
  events: string[] = [];
  take(damage: number, _source = "?"): number {
    this.health -= damage;
    return this.health;
  }
  _enter_tree(): void {
    this.events.push("_enter_tree");
  }
  _ready(): void {
    this.events.push("_ready");
  }
  _exit_tree(): void {
    this.events.push("_exit_tree");
  }
}

function named<T extends Node>(node: T, name: string, ...children: Node[]): T {
  node.name = name;
  for (const child of children) node.add_child(child);
  return node;
}

describe("Object by name", () => {
  it("connect / emit_signal / has_signal / disconnect / is_connected / get_signal_list", () => {
    const player = new Player();
    const seen: number[] = [];
    const onHit = (damage: number) => seen.push(damage);
    expect(player.has_signal("hit")).toBe(true);
    expect(player.has_signal("tree_entered")).toBe(true);
    expect(player.has_signal("nope")).toBe(false);
    expect(player.connect("hit", onHit)).toBe(OK);
    expect(player.is_connected("hit", onHit)).toBe(true);
    expect(player.has_connections("hit")).toBe(true);
    expect(player.emit_signal("hit", 3)).toBe(OK);
    player.disconnect("hit", onHit);
    player.emit_signal("hit", 4);
    expect(seen).toEqual([3]);
    expect(player.get_signal_list().map((s) => s.name)).toContain("hit");
    expect(player.get_signal_connection_list("hit")).toEqual([]);
    expect(player.emit_signal("nope")).toBe(ERR_UNAVAILABLE);
    expect(player.connect("nope", onHit)).toBe(ERR_INVALID_PARAMETER);
    expect(prints.spy).toHaveBeenCalledTimes(2);
  });

  it("call / callv / has_method / get_method_argument_count / set / get / set_indexed / get_indexed", () => {
    const player = new Player();
    expect(player.call("take", 3)).toBe(7);
    expect(player.callv("take", [2, "trap"])).toBe(5);
    expect([
      player.has_method("take"),
      player.has_method("nope"),
      player.get_method_argument_count("take"),
    ]).toEqual([true, false, 1]);
    player.set("health", 50);
    player.set("unknown", 1); // Godot ignores an unknown property
    expect([player.get("health"), player.get("unknown"), player.get("name")]).toEqual([50, null, ""]);
    expect(player.get("take")).toBeInstanceOf(Callable);
    expect(player.get_property_list().map((p) => p.name)).toEqual(
      expect.arrayContaining(["health", "name", "owner"]),
    );
    const holder = new GodotObject() as GodotObject & { pos: { x: number } };
    holder.pos = { x: 1 };
    holder.set_indexed("pos:x", 5);
    expect(holder.get_indexed("pos:x")).toBe(5);
    expect(player.call("nope")).toBe(null);
    expect(player.callv("take", 3 as never)).toBe(null);
    expect(prints.spy).toHaveBeenCalledTimes(2);
  });

  it("meta, user signals, class names, instance ids, to_string, tr", () => {
    const object = new GodotObject();
    object.set_meta("score", 3);
    expect([
      object.has_meta("score"),
      object.get_meta("score"),
      object.get_meta("none", 7),
      object.get_meta_list(),
    ]).toEqual([true, 3, 7, ["score"]]);
    expect(object.get_meta("none")).toBe(null); // prints: no such meta and no default
    object.set_meta("score", null);
    object.remove_meta("other");
    expect(object.has_meta("score")).toBe(false);
    object.add_user_signal("pinged");
    expect([object.has_user_signal("pinged"), object.has_signal("pinged")]).toEqual([true, true]);
    object.remove_user_signal("pinged");
    expect(object.has_signal("pinged")).toBe(false);
    const player = new Player();
    expect([
      player.get_class(),
      player.is_class("Node"),
      player.is_class("Object"),
      player.is_class("SceneTree"),
    ]).toEqual(["Node", true, true, false]);
    expect(instance_from_id(player.get_instance_id())).toBe(player);
    expect(String(object)).toBe(`<Object#${object.get_instance_id()}>`);
    player.name = "P1";
    expect(player.to_string()).toBe(`P1:<Node#${player.get_instance_id()}>`);
    expect([
      object.tr("Hello"),
      object.tr_n("apple", "apples", 2),
      object.tr_n("apple", "apples", 1),
    ]).toEqual(["Hello", "apples", "apple"]);
    expect(GodotObject.CONNECT_ONE_SHOT).toBe(4);
    expect(prints.spy).toHaveBeenCalledTimes(1);
  });

  it("call_deferred and set_deferred run after the current work; free() ends an Object", async () => {
    const player = new Player();
    player.call_deferred("take", 1);
    player.set_deferred("health", 100);
    expect(player.health).toBe(10);
    await Promise.resolve();
    expect(player.health).toBe(100);
    const object = new GodotObject();
    const id = object.get_instance_id();
    object.free();
    expect([is_instance_valid(object), is_instance_id_valid(id), instance_from_id(id)]).toEqual([
      false,
      false,
      null,
    ]);
    object.free();
    expect(prints.spy).toHaveBeenCalledTimes(1);
  });

  it("CONNECT_APPEND_SOURCE_OBJECT appends the emitter; a Callable of a method shows in get_incoming_connections", () => {
    const player = new Player();
    const target = new Player();
    const seen: unknown[][] = [];
    player.hit.connect((...args: unknown[]) => seen.push(args), GodotObject.CONNECT_APPEND_SOURCE_OBJECT);
    player.hit.emit(2);
    expect(seen).toEqual([[2, player]]);
    player.connect("hit", new Callable(target, "take"));
    expect(target.get_incoming_connections().map((c) => c.signal.get_name())).toEqual(["hit"]);
    player.hit.emit(4);
    expect(target.health).toBe(6);
    player.disconnect("hit", new Callable(target, "take"));
    expect(target.get_incoming_connections()).toEqual([]);
  });
});

describe("Node", () => {
  it("free() frees now: the branch leaves the tree children first, tree_exiting then tree_exited, then is invalid", () => {
    const tree = new SceneTree();
    const order: string[] = [];
    const parent = named(new Player(), "Parent", named(new Player(), "Kid"));
    const kid = parent.get_node("Kid") as Player;
    for (const node of [parent, kid]) {
      node.tree_exiting.connect(() => order.push(`${node.name} tree_exiting`));
      node.tree_exited.connect(() => order.push(`${node.name} tree_exited`));
    }
    tree.root.add_child(parent);
    parent.free();
    expect(order).toEqual([
      "Kid tree_exiting",
      "Parent tree_exiting",
      "Kid tree_exited",
      "Parent tree_exited",
    ]);
    expect([is_instance_valid(parent), is_instance_valid(kid), tree.root.get_child_count()]).toEqual([
      false,
      false,
      0,
    ]);
    expect(kid.events).toEqual(["_enter_tree", "_ready", "_exit_tree"]);
  });

  it("the lifecycle signals in Godot's order: tree_entered before the children, ready after them", () => {
    const tree = new SceneTree();
    const order: string[] = [];
    const parent = named(new Node(), "A", named(new Node(), "B"));
    for (const node of [parent, parent.get_node("B")]) {
      node.tree_entered.connect(() => order.push(`${node.name} tree_entered`));
      node.ready.connect(() => order.push(`${node.name} ready`));
    }
    parent.child_entered_tree.connect((n: Node) => order.push(`child_entered_tree ${n.name}`));
    tree.root.add_child(parent);
    expect(order).toEqual(["A tree_entered", "B tree_entered", "child_entered_tree B", "B ready", "A ready"]);
    expect(parent.is_node_ready()).toBe(true);
  });

  it("get_child, find_child (wildcards, owned), find_parent, get_path_to, get_index, move_child, owner and %Unique", () => {
    const root = named(
      new Node(),
      "Root",
      named(new Node(), "HUD", named(new Node(), "Score")),
      named(new Node(), "Player1"),
    );
    const score = root.get_node("HUD/Score");
    expect([root.get_child(0)?.name, root.get_child(-1)?.name]).toEqual(["HUD", "Player1"]);
    expect(root.find_child("Sc*", true, false)).toBe(score);
    expect(root.find_child("Sc*")).toBe(null); // owned: only nodes with an owner
    score.owner = root;
    expect(root.find_child("S?ore")).toBe(score);
    expect(root.find_children("*", "Node", true, false).length).toBe(3);
    expect(score.find_parent("R*")).toBe(root);
    expect(String(score.get_path_to(root.get_node("Player1")))).toBe("../../Player1");
    score.unique_name_in_owner = true;
    expect(root.get_node("%Score")).toBe(score);
    expect(root.get_node(new NodePath("HUD/Score"))).toBe(score);
    root.move_child(root.get_node("Player1"), 0);
    expect([root.get_node("Player1").get_index(), root.get_node("HUD").get_index()]).toEqual([0, 1]);
    expect(root.get_child(9)).toBe(null);
    score.set_owner(new Node()); // not an ancestor
    expect(score.get_owner()).toBe(root);
    expect(prints.spy).toHaveBeenCalledTimes(2);
  });

  it("groups and SceneTree.call_group (flags), set_group, get_nodes_in_group", async () => {
    const tree = new SceneTree();
    const a = named(new Player(), "A");
    const b = named(new Player(), "B");
    tree.root.add_child(a);
    tree.root.add_child(b);
    a.add_to_group("enemies");
    b.add_to_group("enemies");
    expect([a.is_in_group("enemies"), a.get_groups(), tree.get_node_count_in_group("enemies")]).toEqual([
      true,
      ["enemies"],
      2,
    ]);
    tree.call_group("enemies", "take", 1);
    expect([a.health, b.health]).toEqual([9, 9]);
    tree.set_group("enemies", "health", 5);
    expect(tree.get_nodes_in_group("enemies").map((n) => (n as Player).health)).toEqual([5, 5]);
    tree.call_group_flags(SceneTree.GROUP_CALL_DEFERRED | SceneTree.GROUP_CALL_UNIQUE, "enemies", "take", 1);
    tree.call_group_flags(SceneTree.GROUP_CALL_DEFERRED | SceneTree.GROUP_CALL_UNIQUE, "enemies", "take", 1);
    expect(a.health).toBe(5);
    await Promise.resolve();
    expect([a.health, b.health]).toEqual([4, 4]); // UNIQUE: the second deferred call was merged
    expect(tree.get_first_node_in_group("enemies")).toBe(a);
    a.remove_from_group("enemies");
    expect([tree.has_group("enemies"), tree.get_node_count_in_group("enemies")]).toEqual([true, 1]);
    a.add_to_group("" as never);
    expect(prints.spy).toHaveBeenCalledTimes(1);
  });

  it("processing: set_process, process_mode against the tree's pause, process_priority order", () => {
    const tree = new SceneTree();
    const ran: string[] = [];
    class Ticker extends Node {
      _process(): void {
        ran.push(this.name);
      }
    }
    const [first, second, always] = ["First", "Second", "Always"].map((n) => named(new Ticker(), n));
    for (const node of [first!, second!, always!]) tree.root.add_child(node);
    second!.process_priority = -1;
    always!.set_process_mode(Node.PROCESS_MODE_ALWAYS);
    expect(first!.is_processing()).toBe(true);
    tree.process(0.016);
    expect(ran).toEqual(["Second", "First", "Always"]);
    ran.length = 0;
    tree.paused = true;
    tree.process(0.016);
    expect(ran).toEqual(["Always"]);
    tree.set_pause(false);
    first!.set_process(false);
    ran.length = 0;
    tree.process(0.016);
    expect(ran).toEqual(["Second", "Always"]);
    expect(first!.get_process_delta_time()).toBe(0.016);
    first!.set_process_mode(9 as never);
    expect(first!.process_mode).toBe(Node.PROCESS_MODE_INHERIT);
    expect(prints.spy).toHaveBeenCalledTimes(1);
  });

  it("print_tree_pretty, duplicate, replace_by, reparent", () => {
    const root = named(
      new Node(),
      "Root",
      named(new Node(), "A", named(new Node(), "A1")),
      named(new Node(), "B"),
    );
    expect(root.get_tree_string_pretty()).toBe(" ┖╴Root\n    ┠╴A\n    ┃  ┖╴A1\n    ┖╴B\n");
    expect(root.get_tree_string()).toBe(".\nA\nA/A1\nB\n");
    const copy = root.get_node("A").duplicate();
    expect([copy.name, copy.get_child(0)?.name, copy.get_parent()]).toEqual(["A", "A1", null]);
    const b = root.get_node("B");
    const c = named(new Node(), "C");
    b.replace_by(c);
    expect(root.get_children().map((n) => n.name)).toEqual(["A", "C"]);
    c.reparent(root.get_node("A"));
    expect(
      root
        .get_node("A")
        .get_children()
        .map((n) => n.name),
    ).toEqual(["A1", "C"]);
  });
});

describe("SceneTree", () => {
  it("process_frame and physics_frame are emitted each frame; create_timer's timeout comes on the frame it runs out", () => {
    const tree = new SceneTree();
    const events: string[] = [];
    tree.process_frame.connect(() => events.push(`process_frame ${tree.get_frame()}`));
    tree.physics_frame.connect(() => events.push("physics_frame"));
    const timer = tree.create_timer(0.05);
    timer.timeout.connect(() => events.push(`timeout ${tree.get_frame()}`));
    tree.process(0.03);
    expect(timer.time_left).toBeCloseTo(0.02);
    tree.physics_process(0.03);
    tree.process(0.03);
    expect(events).toEqual(["process_frame 0", "physics_frame", "process_frame 1", "timeout 1"]);
    const paused = tree.create_timer(0.01, false);
    tree.paused = true;
    tree.process(1);
    expect(paused.get_time_left()).toBe(0.01);
  });

  it("change_scene_to_node, current_scene, queue_delete, quit; node_added and tree_changed", () => {
    const tree = new SceneTree();
    const added: string[] = [];
    tree.node_added.connect((n: Node) => added.push(n.name));
    const level = named(new Node(), "Level1");
    expect(tree.change_scene_to_node(level)).toBe(OK);
    expect([tree.current_scene, added]).toEqual([level, ["Level1"]]);
    const next = named(new Node(), "Level2");
    tree.change_scene_to_node(next);
    expect(tree.get_current_scene()).toBe(next);
    expect(level.is_queued_for_deletion()).toBe(true);
    const object = new GodotObject();
    tree.queue_delete(object);
    expect(tree.process(0)).toBe(false);
    expect([is_instance_valid(level), is_instance_valid(object)]).toEqual([false, false]);
    tree.quit();
    expect(tree.process(0)).toBe(true);
    expect(tree.change_scene_to_node(next)).toBe(ERR_INVALID_PARAMETER); // it has a parent
    expect(tree.get_node_count()).toBe(2);
  });
});

describe("the rest of Node's and SceneTree's members", () => {
  it("notifications reach _notification; propagate_notification and notify_group reach a branch and a group", () => {
    const seen: Array<[string, number]> = [];
    class Listener extends Node {
      _notification(what: number): void {
        seen.push([this.name, what]);
      }
    }
    const tree = new SceneTree();
    const parent = named(new Listener(), "P", named(new Listener(), "C"));
    tree.root.add_child(parent);
    expect(seen).toEqual([
      ["P", Node.NOTIFICATION_ENTER_TREE],
      ["C", Node.NOTIFICATION_ENTER_TREE],
      ["C", Node.NOTIFICATION_READY],
      ["P", Node.NOTIFICATION_READY],
    ]);
    seen.length = 0;
    parent.propagate_notification(2000);
    parent.get_node("C").add_to_group("g");
    tree.notify_group("g", 3000);
    tree.notify_group_flags(SceneTree.GROUP_CALL_REVERSE, "g", 3001);
    tree.set_group_flags(SceneTree.GROUP_CALL_DEFAULT, "g", "name", "Renamed");
    expect(seen).toEqual([
      ["P", 2000],
      ["C", 2000],
      ["C", 3000],
      ["C", 3001],
    ]);
    expect(parent.get_node("Renamed")).not.toBe(null);
  });

  it("thread-safe forms are the plain ones on one thread; atr/atr_n follow auto_translate_mode", async () => {
    const player = new Player();
    expect(player.call_thread_safe("take", 1)).toBe(9);
    player.set_thread_safe("health", 4);
    player.call_deferred_thread_group("take", 1);
    player.set_deferred_thread_group("name", "X");
    expect(player.health).toBe(4);
    await Promise.resolve();
    expect([player.health, player.name]).toEqual([3, "X"]);
    expect([player.atr("a"), player.atr_n("one", "many", 2), player.can_auto_translate()]).toEqual([
      "a",
      "many",
      true,
    ]);
    player.auto_translate_mode = Node.AUTO_TRANSLATE_MODE_DISABLED;
    expect([player.can_auto_translate(), player.atr_n("one", "many", 2)]).toEqual([false, "one"]);
    player.set_auto_translate_mode(7 as never);
    expect(player.get_auto_translate_mode()).toBe(Node.AUTO_TRANSLATE_MODE_DISABLED);
    expect(prints.spy).toHaveBeenCalledTimes(1);
  });

  it("orphans, node ids, get_node_rpc_config, is_greater_than, set_multiplayer_poll_enabled", () => {
    const orphan = named(new Node(), "Orphan");
    expect(Node.get_orphan_node_ids()).toContain(orphan.get_instance_id());
    orphan.free();
    expect(Node.get_orphan_node_ids()).not.toContain(orphan.get_instance_id());
    const tree = new SceneTree();
    const a = named(new Node(), "A");
    const b = named(new Node(), "B");
    tree.root.add_child(a);
    tree.root.add_child(b);
    expect([b.is_greater_than(a), a.is_greater_than(b)]).toEqual([true, false]);
    expect(a.is_greater_than(new Node())).toBe(false);
    a.rpc_config("ping", { rpc_mode: 1, transfer_mode: 2, call_local: false, channel: 0 });
    expect(Object.keys(a.get_node_rpc_config())).toEqual(["ping"]);
    tree.set_multiplayer_poll_enabled(false);
    expect(tree.is_multiplayer_poll_enabled()).toBe(false);
    expect(prints.spy).toHaveBeenCalledTimes(1);
  });
});
