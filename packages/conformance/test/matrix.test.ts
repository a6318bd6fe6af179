// The conformance matrix: every scenario × every adapter, in Node and in Chromium (this one file, so
// that scenarios which must not overlap in the browser can be ordered; see ONE_AT_A_TIME).
import { asepriteAdapter } from "./drivers/aseprite.ts";
import { coronaAdapter } from "./drivers/corona.ts";
import { defoldAdapter } from "./drivers/defold.ts";
import { godotAdapter } from "./drivers/godot.ts";
import { matrixFor } from "./matrix.ts";

matrixFor([defoldAdapter, godotAdapter, coronaAdapter, asepriteAdapter]);
