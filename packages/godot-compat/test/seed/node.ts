// Just enough of Godot's Node for the seed examples: _ready() once, then _process(delta) every
// ~16 ms (one frame) until set_process(false) or free().

export class Node {
  /** What print() wrote, line by line (also echoed to the console). */
  readonly printed: string[] = [];
  #timer: ReturnType<typeof setInterval> | undefined;
  #last = 0;

  _ready(): void | Promise<void> {}
  _process(_delta: number): void {}

  print(line: string): void {
    this.printed.push(line);
    console.log(line);
  }

  push_error(line: string): void {
    this.printed.push(`ERROR: ${line}`);
  }

  /** Adds the node to the "scene": _process starts running, then _ready runs. */
  start(): void {
    this.set_process(true);
    void this._ready();
  }

  set_process(enabled: boolean): void {
    if (!enabled) {
      clearInterval(this.#timer);
      this.#timer = undefined;
    } else if (this.#timer === undefined) {
      this.#last = performance.now();
      this.#timer = setInterval(() => {
        const now = performance.now();
        this._process((now - this.#last) / 1000);
        this.#last = now;
      }, 16);
    }
  }

  is_processing(): boolean {
    return this.#timer !== undefined;
  }

  free(): void {
    this.set_process(false);
  }
}

/** `await get_tree().create_timer(seconds).timeout` */
export function create_timer(seconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, seconds * 1000));
}
