// The one size table: for each package, what an app imports from it, the goal for those bytes (the bench
// reports it) and the ceilings the packages' bundle tests hold per bundler. Sizes are min+gzip -9 bytes of
// the packed package's typical import, core included, as bench/src/bundlers.ts builds it.

/** A bundler an app builds with: esbuild, Vite (8: Rolldown and Oxc) and Rollup (4, with esbuild's minifier). */
export type Bundler = "esbuild" | "vite" | "rollup";
export const BUNDLERS: readonly Bundler[] = ["esbuild", "vite", "rollup"];

/** One row of the size table: what an app imports, the goal, and the ceilings the tests hold. */
export interface SizeRow {
  /** What an app typically imports from the package (as its README shows): `default` for a default import. */
  typicalImport: string;
  /** Goal for the typical import's min+gzip bytes, core included (1 KB = 1000 bytes): the bench reports it. */
  budget?: number;
  /**
   * Ceilings for the same bytes per bundler, measured on the packed package: the bundle tests fail above
   * them. Today's sizes plus a little; lower them when a change makes the bundle smaller.
   */
  ceiling?: Record<Bundler, number>;
}

/**
 * The one size table: the bench's budgets and the bundle tests' ceilings both come from here
 * (`bench/README.md`, "Browser bundles"). The peers (the libraries users would pick instead) have
 * neither: they are measured by the same pipeline for comparison.
 */
export const SIZE_TABLE: Readonly<Record<string, SizeRow>> = {
  // What every adapter builds on: a connection without core's argument checks.
  "@wsport/core/internal": {
    typicalImport: "connectUnchecked",
    ceiling: { esbuild: 1320, vite: 1290, rollup: 1310 },
  },
  "@wsport/core": { typicalImport: "connect", ceiling: { esbuild: 2720, vite: 2670, rollup: 2720 } },
  "@wsport/defold-compat": {
    typicalImport: "websocket",
    budget: 2500,
    ceiling: { esbuild: 3270, vite: 3200, rollup: 3270 },
  },
  "@wsport/corona-compat": {
    typicalImport: "default",
    budget: 2500,
    ceiling: { esbuild: 3210, vite: 3110, rollup: 3200 },
  },
  "@wsport/aseprite-compat": {
    typicalImport: "WebSocket, WebSocketMessageType",
    budget: 3000,
    ceiling: { esbuild: 3500, vite: 3370, rollup: 3460 },
  },
  "@wsport/godot-compat": {
    typicalImport: "WebSocketPeer, OK",
    budget: 4000,
    // Raised with Godot 4.7's class database (#27): get_packet's PackedByteArray answers every Godot method
    // (find, bsearch, half floats, to_*_array, ...) and WebSocketPeer gains PacketPeer and its setters/getters.
    // Measured after merging #27 with #28: 12942 / 12237 / 10931 B (PackedByteArray 1.7 -> 5.6 KB min).
    ceiling: { esbuild: 13100, vite: 12400, rollup: 11100 },
  },
  "isomorphic-ws": { typicalImport: "default" },
  partysocket: { typicalImport: "WebSocket" },
  "reconnecting-websocket": { typicalImport: "default" },
  "websocket-ts": { typicalImport: "WebsocketBuilder, WebsocketEvent" },
};

/** Our packages (those with a budget or a ceiling), in the table's order. */
export const OUR_PACKAGES: readonly string[] = Object.keys(SIZE_TABLE).filter((n) =>
  n.startsWith("@wsport/"),
);

/** The libraries users would pick instead: measured by the same pipeline, no budget. */
export const PEER_PACKAGES: readonly string[] = Object.keys(SIZE_TABLE).filter(
  (n) => !n.startsWith("@wsport/"),
);

/** Goals in bytes for min+gzip of the typical import, from SIZE_TABLE; reported, not asserted. */
export const BUNDLE_BUDGETS: Readonly<Record<string, number | undefined>> = Object.fromEntries(
  OUR_PACKAGES.map((n) => [n, SIZE_TABLE[n]?.budget]),
);

/** What an app typically imports from each package, from SIZE_TABLE. */
export const TYPICAL_IMPORTS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(SIZE_TABLE).map(([n, row]) => [n, row.typicalImport]),
);
