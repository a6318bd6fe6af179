// What each benchmark page runs: one client's echo runs and frame loop, installed as
// globalThis.wsportBench for the Node side (sections/browser.ts) to call through page.evaluate().
// Bundled with the client and its library by esbuild, minified, the way an app would ship them.
import type { ClientKind } from "../clients/types.ts";
import { answerRun, type RunRequest } from "../echo.ts";
import { type FrameCounts, type FrameLoop, startFrameLoop } from "./frames.ts";

export interface FrameRequest {
  url: string;
  perFrame: number;
  size: number;
  warmupFrames: number;
}

export interface PageBench {
  run(request: RunRequest): Promise<Record<string, unknown>>;
  startFrames(request: FrameRequest): Promise<void>;
  frameWindow(frames: number): ReturnType<FrameLoop["window"]>;
  frameCounts(): FrameCounts;
  stopFrames(): void;
}

declare global {
  /** Set in each benchmark page by installBench(); called by the Node side through page.evaluate(). */
  var wsportBench: PageBench;
}

export function installBench(client: ClientKind): void {
  let loop: FrameLoop | undefined;
  const bench: PageBench = {
    run: (request) => answerRun(client, request),
    async startFrames({ url, perFrame, size, warmupFrames }) {
      loop = await startFrameLoop(client, url, perFrame, size, warmupFrames);
    },
    frameWindow(frames) {
      if (loop === undefined) throw new Error("startFrames() first");
      return loop.window(frames);
    },
    frameCounts() {
      if (loop === undefined) throw new Error("startFrames() first");
      return loop.counts();
    },
    stopFrames() {
      loop?.stop();
      loop = undefined;
    },
  };
  globalThis.wsportBench = bench;
}
