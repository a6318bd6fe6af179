// `--name value` flags, with defaults, for the stress scripts.
export function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`--${name} needs a number, got ${process.argv[at + 1]}`);
  return value;
}

export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
