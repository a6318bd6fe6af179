import { readFileSync } from "node:fs";
import { translateSource } from "./src/translate/index.ts";

const file = process.argv[2]!;
const r = translateSource(readFileSync(file, "utf8"), {
  file,
  engineModule: process.argv[3] ?? "./wsport-engine.js",
  outDir: process.cwd(),
});
console.log(r.code);
console.error(r.marks);
