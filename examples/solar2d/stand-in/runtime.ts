// The smallest stand-in for the Solar2D runtime calls the plugin demo makes besides the plugin:
// print (to a list), json.encode, system.getTimer and timer.performWithDelay.

/** What print() wrote, one entry per call (Lua joins the arguments with tabs). */
export const printed: string[] = [];

export function print(...args: unknown[]): void {
  printed.push(args.map((a) => (a === undefined || a === null ? "nil" : String(a))).join("\t"));
}

export const json = {
  encode: (value: unknown): string => JSON.stringify(value),
};

const started = performance.now();
export const system = {
  /** Milliseconds since the app started. */
  getTimer: (): number => performance.now() - started,
};

export const timer = {
  performWithDelay(delay: number, listener: () => void): ReturnType<typeof setTimeout> {
    return setTimeout(listener, delay);
  },
};

/** Where the demo connects: the tests set the loopback server's URL here (see README.md). */
export const demo_host = { url: "" };
