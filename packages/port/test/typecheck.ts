// Type-checks TypeScript files under the package's tsconfig (strict, the repo's paths) with the
// compiler API, and returns each error's file, 1-based line and message.
import ts from "typescript";
import { here } from "./helpers.ts";

export function typeErrors(files: string[]): Array<{ file: string; line: number; message: string }> {
  const config = ts.getParsedCommandLineOfConfigFile(
    `${here}../tsconfig.json`,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  )!;
  const program = ts.createProgram(files, { ...config.options, noEmit: true });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && files.includes(d.file.fileName))
    .map((d) => ({
      file: d.file!.fileName,
      line: d.file!.getLineAndCharacterOfPosition(d.start ?? 0).line + 1,
      message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
    }));
}
