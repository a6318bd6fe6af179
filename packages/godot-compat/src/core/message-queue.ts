// Follows Godot's core/object/message_queue.cpp.
// Godot runs call_deferred()'s calls once the current work is done (the frame flushes its message queue).
// Here they run in order on a microtask after the code that queued them, or when a SceneTree frame
// flushes them first; calls queued while the queue runs join the same run, as in Godot.
import { printError } from "./print.js";

const queue: Array<() => void> = [];

/** Runs `call` after the current work. */
export function callDeferred(call: () => void): void {
  queue.push(call);
  if (queue.length === 1) queueMicrotask(flush);
}

/** Runs every queued call now (SceneTree.process does, as Godot's frame flushes its message queue). */
export function flushDeferred(): void {
  flush();
}

function flush(): void {
  for (let i = 0; i < queue.length; i++) {
    try {
      queue[i]!();
    } catch (error) {
      printError(`Error calling deferred method: ${(error as { stack?: string }).stack ?? error}`);
    }
  }
  queue.length = 0;
}
