// Node and SceneTree, the part RPCs need (in Node and in Chromium): paths, names, the lifecycle
// callbacks in Godot's order, queue_free at the frame's end, authority, branch multiplayers,
// bound methods, and @rpc's configuration and ids.
import {
  ERR_INVALID_PARAMETER,
  ERR_UNCONFIGURED,
  is_instance_valid,
  MultiplayerAPI,
  Node,
  OK,
  rpc,
  SceneMultiplayer,
  SceneTree,
  Signal,
} from "@wsport/godot-compat";
import { describe, expect, it } from "vitest";
import { capturePrints } from "./helpers.ts";

const prints = capturePrints();
const printed = () => prints.spy.mock.calls.map((c) => String(c[0]));

const log: string[] = [];
class Traced extends Node {
  _enter_tree(): void {
    log.push(`enter ${this.name}`);
  }
  _ready(): void {
    log.push(`ready ${this.name}`);
  }
  _exit_tree(): void {
    log.push(`exit ${this.name}`);
  }
  _process(delta: number): void {
    log.push(`process ${this.name} ${delta}`);
  }
}

function traced(name: string, ...children: Node[]): Traced {
  const node = Traced.new();
  node.name = name;
  for (const child of children) node.add_child(child);
  return node;
}

describe("the tree", () => {
  it("paths from /root, relative and absolute lookups, unique sibling names", () => {
    const tree = SceneTree.new();
    const main = traced("Main", traced("Game", traced("Player")));
    tree.root.add_child(main);
    const player = main.get_node("Game/Player");
    expect(player.get_path()).toBe("/root/Main/Game/Player");
    expect(player.get_node("../..")).toBe(main);
    expect(player.get_node("/root/Main")).toBe(main);
    expect(player.get_node(".")).toBe(player);
    expect(main.has_node("Game/Nobody")).toBe(false);
    expect(tree.get_root()).toBe(tree.root);
    expect(tree.root.get_path()).toBe("/root");

    const twin = new Node();
    twin.name = "Game";
    main.add_child(twin);
    expect(twin.name).toBe("Game2");
    const unnamed = new Node();
    main.add_child(unnamed);
    expect(unnamed.name).toBe("@Node@4");
    twin.name = "a/b:c";
    expect(twin.name).toBe("a_b_c");
    expect(main.get_child_count()).toBe(3);
    expect(main.get_children().map((c) => c.name)).toEqual(["Game", "a_b_c", "@Node@4"]);
  });

  it("calls _enter_tree parent first, _ready children first, _exit_tree children first (last child first), _process each frame", () => {
    log.length = 0;
    const tree = new SceneTree();
    const a = traced("A", traced("B"), traced("C"));
    tree.root.add_child(a);
    expect(log).toEqual(["enter A", "enter B", "enter C", "ready B", "ready C", "ready A"]);
    log.length = 0;
    expect(tree.process(0.5)).toBe(false);
    expect(log).toEqual(["process A 0.5", "process B 0.5", "process C 0.5"]);
    log.length = 0;
    tree.root.remove_child(a);
    expect(log).toEqual(["exit C", "exit B", "exit A"]); // children last to first, as Godot does
    log.length = 0;
    tree.root.add_child(a); // _ready runs once per node, as in Godot
    expect(log).toEqual(["enter A", "enter B", "enter C"]);
  });

  it("queue_free removes the node at the end of the frame; outside a tree after the current work", async () => {
    const tree = new SceneTree();
    const node = traced("Doomed");
    tree.root.add_child(node);
    node.queue_free();
    expect(node.is_queued_for_deletion()).toBe(true);
    expect(node.is_inside_tree()).toBe(true);
    tree.process(0);
    expect(node.is_inside_tree()).toBe(false);
    expect(node.get_parent()).toBe(null);
    const parent = traced("P", traced("Q"));
    const q = parent.get_node("Q");
    q.queue_free();
    expect(parent.get_child_count()).toBe(1);
    await Promise.resolve();
    expect([parent.get_child_count(), is_instance_valid(q)]).toEqual([0, false]);
  });

  it("multiplayer authority: 1 by default, set recursively or not", () => {
    const tree = new SceneTree();
    const a = traced("A", traced("B", traced("C")));
    tree.root.add_child(a);
    expect(a.get_node("B/C").get_multiplayer_authority()).toBe(1);
    expect(a.is_multiplayer_authority()).toBe(true); // the offline peer is the server, id 1
    a.set_multiplayer_authority(5);
    expect(a.get_node("B/C").get_multiplayer_authority()).toBe(5);
    expect(a.is_multiplayer_authority()).toBe(false);
    a.set_multiplayer_authority(7, false);
    expect([a, a.get_node("B")].map((n) => n.get_multiplayer_authority())).toEqual([7, 5]);
  });

  it("a branch can have its own MultiplayerAPI; nodes find theirs by path", () => {
    const tree = new SceneTree();
    const left = traced("Left", traced("Game"));
    const right = traced("Right", traced("Game"));
    tree.root.add_child(left);
    tree.root.add_child(right);
    const api = MultiplayerAPI.create_default_interface();
    expect(api).toBeInstanceOf(SceneMultiplayer);
    tree.set_multiplayer(api, "/root/Left");
    expect(left.get_node("Game").multiplayer).toBe(api);
    expect(right.get_node("Game").multiplayer).toBe(tree.get_multiplayer());
    expect(tree.get_multiplayer("/root/Left/Game")).toBe(api);
    tree.set_multiplayer(null, "/root/Left");
    expect(left.multiplayer).toBe(tree.get_multiplayer());
    const replacement = new SceneMultiplayer();
    tree.set_multiplayer(replacement);
    expect(right.multiplayer).toBe(replacement);
  });

  it("a script's methods read from the node are bound to it, so a signal can call them", () => {
    class Counter extends Node {
      count = 0;
      bump(): void {
        this.count++;
      }
    }
    const counter = new Counter();
    const signal = new Signal<[]>("pressed");
    expect(signal.connect(counter.bump)).toBe(OK);
    signal.emit();
    signal.emit();
    expect(counter.count).toBe(2);
    expect(signal.is_connected(counter.bump)).toBe(true);
  });
});

describe("@rpc and rpc_config", () => {
  class Configured extends Node {
    @rpc
    b_default(): void {}
    @rpc("any_peer", "call_local", "unreliable_ordered", 2)
    a_everything(): void {}
  }

  it("a decorated method is still a method: calling it runs it here; rpc/rpc_id are on it", () => {
    let ran = 0;
    class One extends Node {
      @rpc("any_peer")
      hit(n: number): number {
        ran += n;
        return ran;
      }
    }
    const one = new One();
    expect(one.hit(2)).toBe(2);
    expect(typeof one.hit.rpc).toBe("function");
    expect(typeof one.hit.rpc_id).toBe("function");
    expect(one.hit.rpc(1)).toBe(ERR_UNCONFIGURED); // not inside a tree
    expect(printed()).toContain('ERROR: Condition "!is_inside_tree()" is true. Returning: ERR_UNCONFIGURED');
  });

  it("on the offline peer (a single-player game) call_local RPCs run here and the others go nowhere", () => {
    const tree = new SceneTree();
    let local = 0;
    let remote = 0;
    class Solo extends Node {
      @rpc("call_local")
      here(): void {
        local++;
        expect(this.multiplayer.get_remote_sender_id()).toBe(1);
      }
      @rpc
      there(): void {
        remote++;
      }
    }
    const solo = new Solo();
    tree.root.add_child(solo);
    expect(solo.here.rpc()).toBe(OK);
    expect(solo.there.rpc()).toBe(OK);
    expect([local, remote]).toEqual([1, 0]);
    expect(solo.multiplayer.get_remote_sender_id()).toBe(0);
    expect(solo.there.rpc_id(1)).toBe(ERR_INVALID_PARAMETER); // itself, without call_local
  });

  it("rpc_config takes Godot's dictionary; the configured method can then be called by name", () => {
    const tree = new SceneTree();
    const node = new Configured();
    tree.root.add_child(node);
    let calls = 0;
    (node as unknown as { extra: () => void }).extra = () => calls++;
    node.rpc_config("extra", { rpc_mode: MultiplayerAPI.RPC_MODE_ANY_PEER, call_local: true, channel: 1 });
    expect(node.rpc("extra")).toBe(OK);
    expect(calls).toBe(1);
    node.rpc_config("extra", null);
    expect(node.rpc("extra")).toBe(ERR_INVALID_PARAMETER);
  });
});
