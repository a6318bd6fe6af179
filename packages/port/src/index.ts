// @wsport/port: the translator behind the `wsport-port` CLI, as a library (one source file in, one
// TypeScript module out). What the translated code imports at run time is @wsport/port-runtime.
export * from "./translate/index.js";
