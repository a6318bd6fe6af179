// One running game, as Godot's main loop runs it, on the package's SceneTree: the main scene enters the
// tree, then a frame (SceneTree.process) every 16 ms until the tree quits, then the scene leaves the tree
// (its _exit_tree runs). A player's input reaches the game at the start of a frame, as Godot delivers it.
// Tests run several games in one process, where Godot runs each in its own: so each game keeps its own
// standard output, what print() (and the rest of the family that writes to standard output) wrote while
// the game ran. Errors (push_error, Godot's error prints) go to standard error, which is not kept here.
import { type Node, SceneTree } from "@wsport/godot-compat";

const FRAME_MS = 16;

export class MainLoop {
  readonly tree = SceneTree.new();
  /** The game's standard output, one entry per line printed. */
  readonly printed: string[] = [];
  readonly #inputs: (() => void)[] = [];
  readonly #afterFrame: (() => void)[] = [];
  readonly #timer: ReturnType<typeof setInterval>;
  #last = performance.now();
  #ended = false;
  readonly #finished: Promise<void>;
  #finish = () => {};

  /** Starts the game with `scene` as its main scene: the scene enters the tree (its _ready runs), then the frames. */
  constructor(scene: Node) {
    this.#finished = new Promise((resolve) => {
      this.#finish = resolve;
    });
    this.#own(() => {
      this.tree.root.add_child(scene);
      this.tree.current_scene = scene;
    });
    this.#timer = setInterval(() => this.#iteration(), FRAME_MS);
  }

  /**
   * What a player does in this game's window (a click, typing): it runs at the start of the next frame.
   * Resolves after that frame, with what `event` returned.
   */
  input<T>(event: () => T): Promise<T> {
    if (this.#ended) return Promise.reject(new Error("The game has ended: it takes no more input."));
    let result: T;
    this.#inputs.push(() => {
      result = event();
    });
    return new Promise((resolve) => this.#afterFrame.push(() => resolve(result)));
  }

  /** SceneTree.quit() from outside the game: the current frame is the last; resolves once the scene has left the tree. */
  quit(): Promise<void> {
    this.tree.quit();
    return this.#finished;
  }

  /** One iteration of Godot's main loop: input first, then the frame; when the tree quits, the scene leaves it. */
  #iteration(): void {
    const now = performance.now();
    const delta = (now - this.#last) / 1000;
    this.#last = now;
    const quitting = this.#own(() => {
      for (const event of this.#inputs.splice(0)) event();
      return this.tree.process(delta);
    });
    for (const resolve of this.#afterFrame.splice(0)) resolve();
    if (!quitting) return;
    clearInterval(this.#timer);
    this.#ended = true;
    this.#own(() => {
      const scenes = this.tree.root.get_children().reverse();
      for (const scene of scenes) this.tree.root.remove_child(scene);
    });
    this.#finish();
  }

  /** Runs `work` as this game: what it prints is this game's standard output. */
  #own<T>(work: () => T): T {
    const log = console.log;
    console.log = (...args: unknown[]) => {
      this.printed.push(args.map(String).join(" "));
    };
    try {
      return work();
    } finally {
      console.log = log;
    }
  }
}
