// @wsport/core/internal for Node (no semver: see internal.ts).
export * from "./internal.js";
/** In Node, adapters connect with every check: a browser bundle is what the unchecked entry saves. */
export { connect as connectUnchecked } from "./node.js";
