// Follows Godot's core/variant/callable.cpp (Callable.rpc, Callable.rpc_id).
// The opt-in entry `@wsport/godot-compat/rpc-callable`: a program that imports it (`import type {} from
// "@wsport/godot-compat/rpc-callable";`) sees Godot 4's callable forms `method.rpc(...)` and
// `method.rpc_id(id, ...)` on every function, as GDScript has them on every Callable. At run time only
// `@rpc` methods have them (a decorator cannot change a method's type, so TypeScript cannot tell those
// apart); a program that does not opt in calls RPCs by name: `node.rpc("method", ...)`.
import type { GodotError } from "./core/error.js";

/** What `method.rpc(...)` and `method.rpc_id(...)` return: OK, or why nothing was sent (Godot's Error). */
export type RpcResult = GodotError;

declare global {
  interface Function {
    /** Godot's `Callable.rpc()`: calls this @rpc method on every peer (and here if `call_local`). */
    rpc(...args: unknown[]): RpcResult;
    /** Godot's `Callable.rpc_id()`: calls this @rpc method on one peer. */
    rpc_id(peer_id: number, ...args: unknown[]): RpcResult;
  }
}
