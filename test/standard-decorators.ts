// The repository's tests and examples use standard decorators (`@rpc(...)`) under Vite 8, whose Oxc
// lowers only the legacy form: they go through godot-compat's own Vite plugin, as a user's app does.
export { standardDecorators } from "../packages/godot-compat/src/vite.ts";
