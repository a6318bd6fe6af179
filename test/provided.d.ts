// What the global setup hands to every test through inject().
import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** The shared test server (echo, rooms, fault routes) on 127.0.0.1. */
    port: number;
    /** A loopback port nobody listens on. */
    closedPort: number;
  }
}
