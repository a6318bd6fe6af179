// Types for not-built.mjs, for the class-database test.
import type { MeasuredClass } from "./class-db.mjs";
export const notBuiltPath: string;
export function renderNotBuilt(measured: MeasuredClass[]): string;
