// As the godot-compat README's first multiplayer snippet says: the one line that lets @rpc run in Vite.
import { standardDecorators } from "@wsport/godot-compat/vite";
import { defineConfig } from "vite";

export default defineConfig({ plugins: [standardDecorators()] });
