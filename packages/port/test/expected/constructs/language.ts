import { Node, PackedByteArray, Signal, TYPE_STRING } from "@wsport/godot-compat";
import { gd, RefCounted, type Variant } from "@wsport/port-runtime";

export enum Mode {
  EASY = 0,
  HARD = 10,
  INSANE = 11,
}
export const NORTH = 0;
export const SOUTH = 1;
export const BONUS = 3;
export const NAMES = ["ann", "bob"];

export class Shape extends RefCounted {
  sides: number = 0;

  constructor(p_sides: number) {
    super();
    this.sides = p_sides;
  }

  describe(): string {
    return gd.format("%d sides", this.sides);
  }
}

export class Square extends Shape {
  constructor() {
    super(4);
  }

  override describe(): string {
    return "square, " + super.describe();
  }
}

export class Language extends Node {
  /// Every GDScript construct wsport-port translates, in one runnable script.
  scored = new Signal<[points: number, total: number]>("scored");

  level: number = 2;
  panel!: Variant;
  badge!: Node;

  total = 0;
  history: number[] = [];
  table = gd.dict([
    ["one", 1],
    [2, "two"],
  ]);

  _ready(): void {
    this.panel = gd.get_node(this, "Panel");
    this.badge = gd.get_node(this, "%Badge");
    // super._ready(): Godot's own Node has no script code to run // Node's own _ready has nothing to run
  }

  add(points: number): number {
    this.total += points * this.level + BONUS;
    gd.call(this.history, "append", this.total);
    this.scored.emit(points, this.total);
    return this.total;
  }

  arithmetic(): Variant[] {
    const a = 7;
    const b = 2;
    const f = 7.0;
    return [
      gd.idiv(a, b),
      gd.idiv(-a, b),
      a % b,
      -a % b,
      f / b,
      a ** b,
      1099511627776,
      15,
      gd.band(a, 3),
      gd.bor(a, 8),
      gd.bxor(a, 1),
      gd.bnot(a),
    ];
  }

  checks(value: Variant): Variant[] {
    return [
      gd.typeof_(value) === TYPE_STRING,
      gd.is(value, TYPE_STRING),
      gd.has("abc", "b"),
      gd.has([1, 2], 2),
      gd.has(this.table, "one"),
      !gd.truthy(value),
      gd.truthy(value) && true,
    ];
  }

  describe_mode(mode: Mode): string {
    if (mode === Mode.EASY) {
      return "easy";
    } else if (mode === Mode.HARD || mode === Mode.INSANE) {
      return "hard";
    } else {
      const other = mode;
      return gd.format("mode %d", other);
    }
  }

  texts(): Variant[] {
    const words = gd.call("a,b,,c", "split", ",", false);
    const joined = gd.call("-", "join", words);
    const last = gd.index(words, -1);
    const counted = gd.dict();
    for (const w of gd.iter("banana")) {
      gd.set_index(counted, w, gd.call(counted, "get", w, 0) + 1);
    }
    return [
      gd.call(words, "size"),
      joined,
      last,
      gd.index(counted, "a"),
      gd.call("Hello", "to_upper"),
      gd.call("  x ", "strip_edges"),
      gd.str(1.5),
      gd.format("%05.1f|%-4s|%x", [4.26, "ab", 255]),
    ];
  }

  lambdas(): Variant[] {
    const scale = 3;
    const times = (x: Variant) => {
      return x * scale;
    };
    const plus = (x: number, y: number) => {
      return x + y;
    };
    const bound = gd.call(plus, "bind", 10);
    return [
      gd.call(times, "call", 2),
      gd.call(plus, "call", 1, 2),
      gd.call(bound, "call", 5),
      gd.call(NAMES, "map", (n: Variant) => {
        return gd.call(n, "to_upper");
      }),
    ];
  }

  shapes(): Variant[] {
    const s = new Square();
    const t = new Shape(3);
    return [s.describe(), t.describe(), s instanceof Shape, t instanceof Square];
  }

  async wait_for_score(): Promise<number> {
    const args = await gd.wait(this.scored);
    return gd.index(args, 1);
  }

  path_nodes(): Variant[] {
    return [
      this.panel.name,
      this.badge.name,
      gd.get_node(this, "Panel/Inner").name,
      gd.get_node(this, "Panel").name,
    ];
  }

  loops(): Variant[] {
    const out: Variant[] = [];
    for (let i = 0; i < 3; i++) {
      if (i === 1) {
        continue;
      }
      gd.call(out, "append", i);
    }
    let n = 10;
    while (n > 1) {
      n = n % 2 === 0 ? gd.idiv(n, 2) : 3 * n + 1;
      gd.call(out, "append", n);
    }
    for (const key of gd.iter(this.table)) {
      gd.call(out, "append", key);
    }
    return out;
  }

  last_packet: PackedByteArray = new PackedByteArray();

  packet_bytes(): Variant[] {
    let buf = new PackedByteArray();
    buf = gd.grown(buf, "append", 1);
    buf = gd.grown(buf, "push_back", 258);
    buf = gd.grown(buf, "append_array", new PackedByteArray([3, 4]));
    buf = gd.grown(buf, "insert", 0, 9);
    buf = gd.grown(buf, "remove_at", 1);
    const empty_at_first = this.last_packet.size();
    this.last_packet = gd.grown(this.last_packet, "append_array", buf);
    this.last_packet = gd.grown(this.last_packet, "resize", 6);
    return [[...buf], empty_at_first, [...this.last_packet]];
  }
}

export default Language;
