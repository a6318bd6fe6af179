// Prints one closing line, "vitest: N passed, M failed", after the default report: the form CI reads.
import type { Reporter, TestModule } from "vitest/node";

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failed++;
      }
      if (module.state() === "failed" && module.children.size === 0) failed++; // a file that did not load
    }
    process.stdout.write(`vitest: ${passed} passed, ${failed} failed\n`);
  }
}
