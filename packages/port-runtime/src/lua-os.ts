// The parts of Lua's os library a game script uses: time, clock and date.
const started = performance.now();

export const time = (): number => Math.floor(Date.now() / 1000);
export const clock = (): number => (performance.now() - started) / 1000;

/** os.date with strftime's common fields (%Y %m %d %H %M %S %p %y %j %%) in local time ("!" for UTC). */
export function date(format = "%c", at?: number): string {
  const utc = format.startsWith("!");
  const d = new Date(at === undefined ? Date.now() : at * 1000);
  const get = (local: () => number, u: () => number) => (utc ? u() : local());
  const two = (n: number) => String(n).padStart(2, "0");
  const fields: Record<string, () => string> = {
    Y: () =>
      String(
        get(
          () => d.getFullYear(),
          () => d.getUTCFullYear(),
        ),
      ),
    y: () =>
      two(
        get(
          () => d.getFullYear(),
          () => d.getUTCFullYear(),
        ) % 100,
      ),
    m: () =>
      two(
        get(
          () => d.getMonth(),
          () => d.getUTCMonth(),
        ) + 1,
      ),
    d: () =>
      two(
        get(
          () => d.getDate(),
          () => d.getUTCDate(),
        ),
      ),
    H: () =>
      two(
        get(
          () => d.getHours(),
          () => d.getUTCHours(),
        ),
      ),
    M: () =>
      two(
        get(
          () => d.getMinutes(),
          () => d.getUTCMinutes(),
        ),
      ),
    S: () =>
      two(
        get(
          () => d.getSeconds(),
          () => d.getUTCSeconds(),
        ),
      ),
    p: () =>
      get(
        () => d.getHours(),
        () => d.getUTCHours(),
      ) < 12
        ? "AM"
        : "PM",
    "%": () => "%",
  };
  return format.replace(/^!/, "").replace(/%(.)/g, (_whole, f: string) => {
    const field = fields[f];
    if (!field) throw new Error(`os.date: format %${f} is not supported by wsport-port's runtime`);
    return field();
  });
}
