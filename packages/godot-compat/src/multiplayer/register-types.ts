// Follows Godot's modules/multiplayer/register_types.cpp.
// What Godot's modules/multiplayer/register_types.cpp does when the engine starts: registers SceneMultiplayer
// as the MultiplayerAPI that MultiplayerAPI.create_default_interface() makes, with its node path cache, RPC
// and replication layers (made as Godot's SceneMultiplayer constructor makes them). SceneTree
// (scene/) asks for the default interface and never names SceneMultiplayer, so the registration lives here,
// above both, and the entry points export SceneTree from this file.
import { MultiplayerAPI } from "../scene/multiplayer-api.js";
import { SceneTree as Tree } from "../scene/scene-tree.js";
import { SceneCache } from "./scene-cache.js";
import { SceneMultiplayer } from "./scene-multiplayer.js";
import { SceneReplication } from "./scene-replication.js";
import { makeRpcLayer } from "./scene-rpc.js";

/**
 * Godot's SceneTree, returned by the registration so that it runs exactly when a program uses SceneTree:
 * the call is marked pure, so a bundle that never names SceneTree drops it (and SceneMultiplayer, and RPC),
 * even once a build has merged this file into a chunk with everything else.
 *
 * @class
 */
export const SceneTree: typeof Tree = /* @__PURE__ */ registerTypes(Tree);
export type SceneTree = Tree;

function registerTypes(tree: typeof Tree): typeof Tree {
  MultiplayerAPI._registerInterface("SceneMultiplayer", () => new SceneMultiplayer());
  SceneMultiplayer._setLayerMaker((api) => {
    const cache = new SceneCache(api);
    const replication = new SceneReplication(api, cache);
    makeRpcLayer(api, cache, (node, peer) => replication.isRpcVisible(node, peer));
  });
  return tree;
}
