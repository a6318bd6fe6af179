// Types for class-db.mjs, for the class-database test.
export interface MeasuredMember {
  kind: string;
  name: string;
  present: boolean;
  problem: string | null;
}
export interface MeasuredClass {
  name: string;
  group: "class" | "builtin" | "utility";
  members: MeasuredMember[];
}
export interface GodotMethod {
  name: string;
  is_static: boolean;
  is_vararg: boolean;
  is_virtual?: boolean;
  args: { name: string; type: string; default?: string }[];
  return: string | null;
}
export interface GodotClass {
  name: string;
  is_instantiable?: boolean;
  methods?: GodotMethod[];
  properties?: { name: string; type: string; setter?: string; getter?: string }[];
  signals?: { name: string; args?: { name: string; type: string }[] }[];
  constants?: { name: string; value: number }[];
  enums?: { name: string; is_bitfield: boolean; values: { name: string; value: number }[] }[];
}
export interface ClassDb {
  provenance: string;
  classes: Record<string, GodotClass>;
  builtin_classes: Record<string, GodotClass>;
  utility_functions: GodotMethod[];
}
export const repoDir: string;
export const classDbPath: string;
export function loadClassDb(): ClassDb;
export function measure(db?: ClassDb): MeasuredClass[];
export function figures(measured: MeasuredClass[]): {
  rows: { name: string; present: number; total: number }[];
  present: number;
  total: number;
};
