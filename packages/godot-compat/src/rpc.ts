// GDScript's `@rpc(...)` annotation as a standard TypeScript decorator on a Node's method. Each
// node built from the class gets the method as an RPC, and the method gets Godot 4's callable
// forms, bound to that node: `this.set_turn.rpc(0)` and `this.set_turn.rpc_id(1, 0)`.
import type { GodotError } from "./error.js";
import { addScriptRpc, parseRpcArguments, type RpcArgument } from "./rpc-config.js";
import type { Node } from "./scene-node.js";

declare global {
  // GDScript has rpc()/rpc_id() on every Callable; TypeScript sees them on every function so that
  // `method.rpc(...)` type-checks as it does in Godot. At run time only @rpc methods have them.
  interface Function {
    /** Godot's `Callable.rpc()`: calls this @rpc method on every peer (and here if `call_local`). */
    rpc(...args: unknown[]): GodotError;
    /** Godot's `Callable.rpc_id()`: calls this @rpc method on one peer. */
    rpc_id(peer_id: number, ...args: unknown[]): GodotError;
  }
}

/** `@rpc("any_peer", "call_local", "reliable", 1)`: the words in any order, the channel last. */
export function rpc(...args: RpcArgument[]) {
  const config = parseRpcArguments(args);
  // biome-ignore lint/suspicious/noExplicitAny: any method of the node's class
  return <This extends Node, Method extends (this: This, ...a: any) => any>(
    _method: Method,
    context: ClassMethodDecoratorContext<This, Method>,
  ): void => {
    if (context.kind !== "method" || context.static || context.private || typeof context.name !== "string") {
      throw new TypeError("@rpc decorates a public, non-static method of a Node class");
    }
    const name = context.name;
    context.addInitializer(function (this: This) {
      addScriptRpc(this, name, config);
      const node = this;
      const method = (this as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!;
      const callable = function (this: unknown, ...a: unknown[]) {
        return method.apply(node, a);
      };
      callable.rpc = (...a: unknown[]) => node.rpc(name, ...a);
      callable.rpc_id = (peer_id: number, ...a: unknown[]) => node.rpc_id(peer_id, name, ...a);
      Object.defineProperty(this, name, { value: callable, writable: true, configurable: true });
    });
  };
}
