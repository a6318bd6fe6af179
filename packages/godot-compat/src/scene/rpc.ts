// biome-ignore-all lint/suspicious/noExplicitAny: a decorated method takes any arguments
// Follows Godot's modules/gdscript/gdscript_parser.cpp (the @rpc annotation).
// GDScript's `@rpc(...)` annotation as a standard TypeScript decorator on a Node's method. Each
// node built from the class gets the method as an RPC, and the method gets Godot 4's callable
// forms, bound to that node: `this.set_turn.rpc(0)` and `this.set_turn.rpc_id(1, 0)`. TypeScript
// sees those forms only in a program that opts in (the entry rpc-callable.ts): a decorator cannot
// change a method's type.
import { Node } from "./node.js";
import { addScriptRpc, parseRpcArguments, type RpcArgument, type RpcConfig } from "./rpc-config.js";

/** What `@rpc(...)` returns: a standard decorator for a Node's method. */
export type MethodDecorator = <This extends Node, Method extends (this: This, ...a: any) => any>(
  method: Method,
  context: ClassMethodDecoratorContext<This, Method>,
) => void;

/** `@rpc` alone: Godot's defaults (authority, call_remote, unreliable, channel 0). */
export function rpc<This extends Node, Method extends (this: This, ...a: any) => any>(
  method: Method,
  context: ClassMethodDecoratorContext<This, Method>,
): void;
/** `@rpc("any_peer", "call_local", "reliable", 1)`: the words in any order, the channel last. */
export function rpc(...args: RpcArgument[]): MethodDecorator;
export function rpc(...args: unknown[]): MethodDecorator | undefined {
  if (isLegacyCall(args[0], args[1])) throw legacyDecorators();
  if (typeof args[0] === "function" && isMethodContext(args[1])) {
    decorate(parseRpcArguments([]), args[1]);
    return undefined;
  }
  const config = parseRpcArguments(args);
  return (method, context) => {
    if (isLegacyCall(method, context)) throw legacyDecorators();
    decorate(config, context);
  };
}

// With `experimentalDecorators`, TypeScript and esbuild call a decorator as (prototype, name, descriptor).
function isLegacyCall(target: unknown, key: unknown): boolean {
  const keyed = typeof key === "string" || typeof key === "symbol";
  return keyed && target !== null && (typeof target === "object" || typeof target === "function");
}

const legacyDecorators = () =>
  new TypeError(
    "@rpc is a standard decorator but was called as a legacy one: turn experimentalDecorators off in tsconfig.json",
  );

function isMethodContext(value: unknown): value is ClassMethodDecoratorContext<any, any> {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "method";
}

function decorate(config: RpcConfig, context: ClassMethodDecoratorContext<any, any>): void {
  if (context.kind !== "method" || context.static || context.private || typeof context.name !== "string") {
    throw new TypeError("@rpc decorates a public, non-static method of a Node class");
  }
  const name = context.name;
  context.addInitializer(function (this: unknown) {
    const node = this as Node;
    addScriptRpc(Node._rpcs(node), name, config);
    const method = (node as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!;
    const callable = (...a: unknown[]) => method.apply(node, a);
    callable.rpc = (...a: unknown[]) => node.rpc(name, ...a);
    callable.rpc_id = (peer_id: number, ...a: unknown[]) => node.rpc_id(peer_id, name, ...a);
    Object.defineProperty(node, name, { value: callable, writable: true, configurable: true });
  });
}
