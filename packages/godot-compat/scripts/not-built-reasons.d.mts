// Types for not-built-reasons.mjs, for the class-database test.
export const NO_REASON: string;
export const reasons: Array<[RegExp, RegExp, string]>;
export function reasonFor(className: string, memberName: string): string;
