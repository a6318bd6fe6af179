// Corona's EventDispatcher, for one client: listeners per event name, functions or tables,
// duplicates allowed (and called once per registration), removal of the first identical entry.
import { describe } from "@wsport/core";
import type { WsEvent, WsListener } from "./types.js";

function check(method: string, name: unknown, listener: unknown): void {
  if (typeof name !== "string") {
    throw new TypeError(`${method}: the event name must be a string (ws.WSEVENT), got ${describe(name)}`);
  }
  if (typeof listener !== "function" && (typeof listener !== "object" || listener === null)) {
    throw new TypeError(`${method}: the listener must be a function or a table, got ${describe(listener)}`);
  }
}

export function createDispatcher() {
  const lists: Record<string, WsListener[]> = {};

  return {
    add(name: string, listener: WsListener): true {
      check("addEventListener", name, listener);
      if (!Object.hasOwn(lists, name)) lists[name] = [];
      lists[name]!.push(listener);
      return true;
    },

    remove(name: string, listener: WsListener): true | undefined {
      check("removeEventListener", name, listener);
      const list = Object.hasOwn(lists, name) ? lists[name]! : [];
      const at = list.indexOf(listener);
      if (at < 0) return undefined;
      list.splice(at, 1);
      return true;
    },

    /** Calls every listener registered for `event.name` when it starts, in order. */
    dispatch(event: WsEvent): void {
      const list = Object.hasOwn(lists, event.name) ? [...lists[event.name]!] : [];
      for (const listener of list) {
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
