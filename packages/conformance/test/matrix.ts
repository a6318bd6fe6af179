// Runs the shared scenarios against one adapter, one test per cell, in the runtime this file runs in.
// Each test's name and meta say which cell it is; scripts/matrix.ts turns the JSON report into
// docs/conformance.md.
import { capabilities } from "@wsport/core";
import { describe, expect, inject, test } from "vitest";
import { refusedUrl, serverUrl } from "../../../test/events.ts";
import { type Adapter, type Cell, cellFor, type Engine, portNames } from "./drivers/recorder.ts";
import { ONE_AT_A_TIME, type Scenario, scenarios } from "./scenarios.ts";

export interface CellMeta {
  adapter: string;
  scenario: string;
  runtime: string;
  transcript: string[];
  gap?: string;
  note?: string;
}

declare module "vitest" {
  interface TaskMeta {
    matrix?: CellMeta;
  }
}

export const runtime = capabilities.runtime;
/** Node, or the browser engine this project runs in (the vitest config provides it). */
export const engine: Engine = inject("browser");

export function nameServerPorts(): void {
  portNames[String(inject("port"))] = "<port>";
  for (const port of inject("closedPorts")) portNames[String(port)] = "<closed-port>";
}

/** The expected cell, or undefined when the scenario does not apply to the adapter. */
export function cellExpectation(adapter: Adapter, id: string) {
  const expectation = adapter.expected[id];
  const cell = expectation && cellFor(expectation, engine);
  return {
    cell: cell && "na" in cell ? undefined : (cell as Exclude<Cell, { na: string }> | undefined),
    expectation,
  };
}

export function runScenario(adapter: Adapter, scenario: { id: string }, run: () => Promise<string[]>): void {
  const { cell, expectation } = cellExpectation(adapter, scenario.id);
  if (expectation !== undefined && cell === undefined) return; // n/a: the table says why
  const define = ONE_AT_A_TIME.has(scenario.id) ? test : test.concurrent;
  define(`${adapter.driver.name} › ${scenario.id} › ${engine}`, async ({ task }) => {
    const transcript = await run();
    const gap =
      adapter.knownGaps[`${scenario.id}/${engine}`] ?? adapter.knownGaps[`${scenario.id}/${runtime}`];
    task.meta.matrix = {
      adapter: adapter.driver.name,
      scenario: scenario.id,
      runtime: engine,
      transcript,
      ...(gap ? { gap: gap.reason } : {}),
      ...(expectation?.note ? { note: expectation.note } : {}),
    };
    if (gap) expect(transcript).toEqual(gap.actual);
    else if (cell && "oneOf" in cell) expect(cell.oneOf).toContainEqual(transcript);
    else expect(transcript).toEqual(cell ?? ["(no expectation written)"]);
  });
}

/** Every scenario for every adapter: the concurrent ones first, then the one-at-a-time ones. */
export function matrixFor(adapters: Adapter[]): void {
  describe("conformance matrix", () => {
    nameServerPorts();
    const urls = { server: serverUrl, refused: refusedUrl };
    const ordered = [
      ...scenarios.filter((s) => !ONE_AT_A_TIME.has(s.id)),
      ...scenarios.filter((s) => ONE_AT_A_TIME.has(s.id)),
    ];
    for (const scenario of ordered as Scenario[]) {
      for (const adapter of adapters) {
        runScenario(adapter, scenario, () => scenario.run(adapter.driver, urls));
      }
    }
  });
}
