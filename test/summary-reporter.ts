// Prints one closing line, "vitest: N passed, M failed", after the default report: the form CI reads.
// A second line splits the passed tests by runtime (node, chromium, firefox, webkit), and every
// failed test is named once more with its project, `<package>:<runtime>`.
import type { Reporter, TestModule } from "vitest/node";

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    const perRuntime = new Map<string, number>();
    const failures: string[] = [];
    for (const module of testModules) {
      const project = module.project.name.replace(/ \(.*\)$/, ""); // "core:webkit (webkit)"
      const runtime = project.slice(project.lastIndexOf(":") + 1);
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") {
          passed++;
          perRuntime.set(runtime, (perRuntime.get(runtime) ?? 0) + 1);
        } else if (state === "failed") {
          failed++;
          failures.push(`${project} ${module.moduleId.replace(`${process.cwd()}/`, "")} > ${test.fullName}`);
        }
      }
      if (module.state() === "failed" && module.children.size === 0) {
        failed++; // a file that did not load
        failures.push(`${project} ${module.moduleId} (did not load)`);
      }
    }
    for (const line of failures) process.stdout.write(`FAILED ${line}\n`);
    const split = [...perRuntime].map(([runtime, count]) => `${runtime} ${count}`).join(", ");
    process.stdout.write(`passed per runtime: ${split}\n`);
    process.stdout.write(`vitest: ${passed} passed, ${failed} failed\n`);
  }
}
