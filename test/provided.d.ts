// What the global setup and the vitest config hand to every test through inject().
import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** The shared test server (echo, rooms, fault routes) on 127.0.0.1. */
    port: number;
    /** A loopback port nobody listens on. */
    closedPort: number;
    /** More such ports (the first is closedPort), which refusedUrl() takes in turn. */
    closedPorts: number[];
    /** Where the test runs: "node", or the browser engine ("chromium", "firefox", "webkit"). */
    browser: "node" | "chromium" | "firefox" | "webkit";
  }
}
