/** Bad input: a file the tool cannot read or parse. `line`/`column` are 1-based when known. */
export class PortInputError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(line === undefined ? `${file}: ${message}` : `${file}:${line}:${column}: ${message}`);
    this.name = "PortInputError";
  }
}
