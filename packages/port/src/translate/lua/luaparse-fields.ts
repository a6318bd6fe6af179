// What luaparse adds with the options parse.ts passes (ranges, scope), which @types/luaparse leaves out.
declare module "luaparse/lib/ast" {
  interface Base<TType extends string> {
    /** [start, end) offsets in the source (option `ranges`). */
    range?: [number, number];
    /** Kept only to use TType, as the original declaration does. */
    readonly __type?: TType;
  }
  interface Identifier {
    /** Whether the name is a local at this point (option `scope`). */
    isLocal?: boolean;
  }
}

export {};
