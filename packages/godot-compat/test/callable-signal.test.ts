// Callable and Signal with Godot's semantics (Node and the browsers): bind appends, unbind drops the last
// arguments, call() is Godot's call, Callable(object, "method") compares equal to another of the same method.
import { Callable, Node, Signal } from "@wsport/godot-compat";
import { describe, expect, it } from "vitest";
import { capturePrints } from "./helpers.ts";

const prints = capturePrints();

class Counter {
  seen: unknown[][] = [];
  add(...args: unknown[]): number {
    this.seen.push(args);
    return args.length;
  }
}

describe("Callable", () => {
  it("Callable(object, method): call, callv, and calling it as a function, all with `this` the object", () => {
    const counter = new Counter();
    const callable = new Callable(counter, "add");
    expect(callable.call(1, 2)).toBe(2);
    expect(callable.callv([3])).toBe(1);
    expect(callable(4)).toBe(1);
    expect(counter.seen).toEqual([[1, 2], [3], [4]]);
    expect([callable.is_standard(), callable.is_custom(), callable.is_null(), callable.is_valid()]).toEqual([
      true,
      false,
      false,
      true,
    ]);
    expect([callable.get_object(), callable.get_method(), typeof callable]).toEqual([
      counter,
      "add",
      "function",
    ]);
    expect(Callable.create(counter, "add").get_method()).toBe("add");
  });

  it("bind appends (Godot's order), unbind drops the last arguments; the order of the two matters", () => {
    const counter = new Counter();
    const base = new Callable(counter, "add");
    base.bind("b1", "b2").call("a");
    base.bind("x").bind("y").call("a"); // the outer bind's arguments come first, then the inner's
    base.unbind(1).call("a", "dropped");
    base.bind("kept").unbind(1).call("a", "dropped"); // unbind first, then bind appends
    base.unbind(1).bind("dropped").call("a"); // bind appends, then unbind drops it
    base.bindv(["v"]).call();
    expect(counter.seen).toEqual([["a", "b1", "b2"], ["a", "y", "x"], ["a"], ["a", "kept"], ["a"], ["v"]]);
    const bound = base.bind(1, 2).unbind(3);
    expect([
      bound.get_bound_arguments(),
      bound.get_bound_arguments_count(),
      bound.get_unbound_arguments_count(),
    ]).toEqual([[1, 2], 2, 3]);
    expect(base.bind("x").bind("y").get_bound_arguments()).toEqual(["y", "x"]);
    expect(bound.is_custom()).toBe(true);
  });

  it("a Callable of a function; a null Callable; a freed node's Callable is not valid", () => {
    const fn = (a: number, b: number) => a + b;
    const callable = new Callable(fn);
    expect([
      callable.call(1, 2),
      callable.bind(10)(1),
      callable.get_argument_count(),
      callable.bind(1).get_argument_count(),
    ]).toEqual([3, 11, 2, 1]);
    const none = new Callable();
    expect([none.is_null(), none.is_valid(), none.get_object(), none.get_object_id()]).toEqual([
      true,
      false,
      null,
      0,
    ]);
    expect(none.call()).toBe(null);
    const node = new Node();
    const onNode = new Callable(node, "get_name");
    expect(onNode.is_valid()).toBe(true);
    node.free();
    expect(onNode.is_valid()).toBe(false);
    expect(onNode.call()).toBe(null);
    expect(new Callable(node, "nope").is_valid()).toBe(false);
    expect(prints.spy).toHaveBeenCalledTimes(2);
  });

  it("call_deferred calls after the current work", async () => {
    const counter = new Counter();
    new Callable(counter, "add").call_deferred(1);
    expect(counter.seen).toEqual([]);
    await Promise.resolve();
    expect(counter.seen).toEqual([[1]]);
  });

  it("bad input: unbind(0), callv and bindv of a non-Array, a Callable of a non-method; prints, no throw", () => {
    const callable = new Callable(new Counter(), "add");
    expect(callable.unbind(0).get_unbound_arguments_count()).toBe(0);
    expect(callable.callv("x" as never)).toBe(null);
    expect(callable.bindv(1 as never).get_bound_arguments()).toEqual([]);
    expect(new Callable(5 as never).is_null()).toBe(true);
    expect(callable.rpc()).toBe(31);
    expect(prints.spy).toHaveBeenCalledTimes(5);
  });
});

describe("Signal", () => {
  it("Signal(object, name), is_null, get_object, has_connections; get_connections gives Godot's dictionaries", () => {
    const owner = new Node();
    const signal = new Signal(owner, "changed");
    expect([signal.is_null(), signal.get_object(), signal.get_name(), signal.has_connections()]).toEqual([
      false,
      owner,
      "changed",
      false,
    ]);
    expect(signal.get_object_id()).toBe(owner.get_instance_id());
    const fn = () => {};
    signal.connect(fn, 4);
    expect(signal.get_connections()).toEqual([{ signal, callable: fn, flags: 4 }]);
    expect(signal.has_connections()).toBe(true);
    expect(new Signal().is_null()).toBe(true);
  });

  it("two Callables of the same method are one connection: connecting the second is an error, either disconnects", () => {
    const counter = new Counter();
    const signal = new Signal("changed");
    signal.connect(new Callable(counter, "add"));
    expect(signal.connect(new Callable(counter, "add"))).not.toBe(0);
    expect(signal.is_connected(new Callable(counter, "add"))).toBe(true);
    signal.emit(1);
    signal.disconnect(new Callable(counter, "add"));
    signal.emit(2);
    expect(counter.seen).toEqual([[1]]);
    expect(prints.spy).toHaveBeenCalledTimes(1);
  });

  it("an object that blocks its signals emits nothing", () => {
    const owner = new Node();
    const seen: number[] = [];
    owner.tree_entered.connect(() => seen.push(1));
    owner.set_block_signals(true);
    owner.tree_entered.emit();
    owner.set_block_signals(false);
    owner.tree_entered.emit();
    expect([seen, owner.is_blocking_signals()]).toEqual([[1], false]);
  });
});
