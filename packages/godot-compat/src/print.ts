// Godot prints an error for every failed check (ERR_FAIL_*) and carries on; so do we.

export function printError(message: string): void {
  console.error(`ERROR: ${message}`);
}
