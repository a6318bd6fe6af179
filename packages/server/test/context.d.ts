// The port the global setup (test/global-setup.ts at the repo root) provides to every test.
import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    port: number;
  }
}
