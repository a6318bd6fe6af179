// Corona's EventDispatcher, for one client: listeners per event name, functions or tables,
// duplicates allowed (and called once per registration), removal of the first identical entry.
import { describe } from "@wsport/core/internal";
import type { WsEvent, WsListener } from "./types.js";

function check(method: string, name: unknown, listener: unknown): void {
  if (typeof name !== "string") {
    throw new TypeError(`${method}: the event name must be a string (ws.WSEVENT), got ${describe(name)}`);
  }
  if (typeof listener !== "function" && (typeof listener !== "object" || listener === null)) {
    throw new TypeError(`${method}: the listener must be a function or a table, got ${describe(listener)}`);
  }
}

const NONE: readonly WsListener[] = [];

export function createDispatcher() {
  // Each list is replaced, never changed in place, so a dispatch can walk the list it started with
  // while a listener adds or removes others, without copying the list for every message.
  const lists = new Map<string, readonly WsListener[]>();

  return {
    addEventListener(name: string, listener: WsListener): true {
      check("addEventListener", name, listener);
      lists.set(name, [...(lists.get(name) ?? NONE), listener]);
      return true;
    },

    removeEventListener(name: string, listener: WsListener): true | undefined {
      check("removeEventListener", name, listener);
      const list = lists.get(name) ?? NONE;
      const at = list.indexOf(listener);
      if (at < 0) return undefined;
      lists.set(
        name,
        list.filter((_, i) => i !== at),
      );
      return true;
    },

    /** Calls every listener registered for `event.name` when it starts, in order. */
    dispatch(event: WsEvent): void {
      const list = lists.get(event.name) ?? NONE;
      for (let i = 0; i < list.length; i++) {
        const listener = list[i]!;
        try {
          if (typeof listener === "function") listener(event);
          else {
            const method = (listener as Record<string, unknown>)[event.name];
            if (typeof method === "function") method.call(listener, event);
          }
        } catch (error) {
          // Like EventTarget: the error is reported, the other listeners and the socket carry on.
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    },
  };
}
