// Follows Godot's scene/main/scene_tree.cpp.
// The part of Godot's SceneTree that multiplayer code touches: the root node, the MultiplayerAPI of
// the whole tree or of one branch (get_multiplayer / set_multiplayer), and the frame: process()
// is what Godot's main loop runs each frame, so a port's game loop calls it once per frame.
import { describe } from "@wsport/core/internal";
import { printError } from "../core/print.js";
import { MultiplayerAPI } from "./multiplayer-api.js";
import { Node } from "./node.js";

export class SceneTree {
  /** GDScript's `SceneTree.new()`. */
  static new(): SceneTree {
    return new SceneTree();
  }

  /** The tree's root (Godot's root Window), named "root": node paths start "/root/". */
  readonly root: Node;
  /** Whether process() polls the multiplayer APIs, as Godot's `multiplayer_poll`. */
  multiplayer_poll = true;
  /** While paused, process() still polls the network but runs no node's _process (every node here is pausable). */
  paused = false;

  #multiplayer: MultiplayerAPI;
  readonly #branches = new Map<string, MultiplayerAPI>();

  constructor() {
    this.root = new Node();
    this.root.name = "root";
    this.#multiplayer = MultiplayerAPI.create_default_interface();
    this.#attach(this.#multiplayer, "/root");
    Node._enterAsRoot(this.root, this);
  }

  get_root(): Node {
    return this.root;
  }

  /** The API that serves `for_path`: the one set for the longest branch that holds it, else the tree's. */
  get_multiplayer(for_path = ""): MultiplayerAPI {
    const names = String(for_path).split("/").filter(Boolean);
    let best: MultiplayerAPI | null = null;
    let bestLength = -1;
    for (const [branch, api] of this.#branches) {
      const parts = branch.split("/").filter(Boolean);
      if (
        parts.length > bestLength &&
        parts.length <= names.length &&
        parts.every((p, i) => p === names[i])
      ) {
        best = api;
        bestLength = parts.length;
      }
    }
    return best ?? this.#multiplayer;
  }

  /** Sets the tree's API (no path) or a branch's (an absolute path; null removes the branch's). */
  set_multiplayer(multiplayer: MultiplayerAPI | null, root_path = ""): void {
    const path = String(root_path);
    if (multiplayer !== null && !(multiplayer instanceof MultiplayerAPI)) {
      printError(`set_multiplayer() needs a MultiplayerAPI or null, got ${describe(multiplayer)}.`);
      return;
    }
    if (path === "") {
      if (!multiplayer) {
        printError('Condition "p_multiplayer.is_null()" is true.');
        return;
      }
      this.#multiplayer = multiplayer;
      this.#attach(multiplayer, "/root");
      return;
    }
    if (!path.startsWith("/")) {
      printError(`set_multiplayer(): the branch must be an absolute path, got "${path}".`);
      return;
    }
    if (multiplayer) {
      this.#branches.set(path, multiplayer);
      this.#attach(multiplayer, path);
    } else this.#branches.delete(path);
  }

  /** One frame: polls every MultiplayerAPI (when multiplayer_poll), runs _process(delta), frees queued nodes. */
  process(delta = 0): boolean {
    if (this.multiplayer_poll) {
      this.#multiplayer.poll();
      for (const api of new Set(this.#branches.values())) api.poll();
    }
    if (!this.paused) Node._processFrame(this.root, delta);
    Node._freeQueued(this.root);
    return false;
  }

  /** Tells the API where its branch is (RPC paths are relative to it), as Godot's set_multiplayer does. */
  #attach(api: MultiplayerAPI, rootPath: string): void {
    api.object_configuration_add(this.root, rootPath);
  }
}

// Node names only the TreeOfNodes part of a tree (node.ts cannot import this file back); its users see SceneTree.
declare module "./node.js" {
  interface Node {
    /** The tree this node is in; null outside one, as in Godot. */
    get_tree(): SceneTree;
  }
}
