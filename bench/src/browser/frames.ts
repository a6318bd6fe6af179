// Page side of the main-thread figure: a requestAnimationFrame loop that sends a batch of messages
// per frame and receives their echoes, as a game does. Event-driven clients count echoes in their
// own handlers; a poll-based one (Godot) is polled once per frame, before the sends. The Node side
// reads the page's scripting time and allocations around windows of frames (DevTools Protocol).
import type { ClientKind } from "../clients/types.ts";

export interface FrameWindow {
  frames: number;
  /** Echoes received during the window. */
  received: number;
  elapsedMs: number;
  /** Messages of earlier frames not yet echoed when the window ended: > 0 means the loop fell behind. */
  behind: number;
}

/** Totals since the loop started, read by the Node side next to its scripting-time reading. */
export interface FrameCounts {
  frames: number;
  received: number;
}

export interface FrameLoop {
  /** Resolves after `frames` more frames. */
  window(frames: number): Promise<FrameWindow>;
  counts(): FrameCounts;
  stop(): void;
}

export async function startFrameLoop(
  client: ClientKind,
  url: string,
  perFrame: number,
  size: number,
  warmupFrames: number,
): Promise<FrameLoop> {
  let received = 0;
  let sent = 0;
  const connection = await client.open(url, () => received++, { driver: "caller" });
  const payload = new Uint8Array(size).fill(0x61);
  let running = true;
  let frames = 0;
  let onFrame: (() => void) | undefined;
  const frame = () => {
    if (!running) return;
    connection.poll?.();
    for (let i = 0; i < perFrame; i++) connection.send(payload);
    sent += perFrame;
    frames++;
    onFrame?.();
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);

  const window = (count: number) =>
    new Promise<FrameWindow>((resolve) => {
      const receivedBefore = received;
      const started = performance.now();
      let left = count;
      onFrame = () => {
        if (--left > 0) return;
        onFrame = undefined;
        resolve({
          frames: count,
          received: received - receivedBefore,
          elapsedMs: performance.now() - started,
          behind: sent - perFrame - received, // this frame's messages cannot be back yet
        });
      };
    });
  await window(warmupFrames);
  return {
    window,
    counts: () => ({ frames, received }),
    stop: () => {
      running = false;
      connection.close();
    },
  };
}
