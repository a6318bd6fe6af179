// One panel per adapter: what its engine API says about the connection, in that engine's own
// words, plus the traffic the game sees. The end-to-end test reads these panels too, by their
// data-engine / data-field attributes.
import { cssColor, type EngineId, type EngineInfo } from "./engines.ts";
import type { Scoreboard } from "./protocol.ts";

/** How a player reports one connection's life to its panel. */
export interface Reporter {
  /** The connection state as the engine names it; `connected` says whether the game can send. */
  state(text: string, connected: boolean): void;
  /** One event as the engine delivers it, e.g. ("EVENT_ERROR", 'message="Wrong response status: 403"'). */
  event(name: string, detail?: string): void;
  /** The last close, as the engine reports it. */
  closed(text: string): void;
  /** The last error text the engine gave. */
  error(text: string): void;
}

export interface Sighting {
  x: number;
  y: number;
  at: number;
}

const SHOWN_EVENTS = 9;

export class Panel implements Scoreboard {
  readonly info: EngineInfo;
  /** The other players as this player last heard of them; the scene draws these. */
  readonly others = new Map<EngineId, Sighting>();
  connected = false;

  #sent = 0;
  #received = 0;
  #rtt: number | undefined;
  #current: object | undefined;
  readonly #fields: Record<string, HTMLElement> = {};
  readonly #root: HTMLElement;

  constructor(info: EngineInfo, parent: HTMLElement) {
    this.info = info;
    const root = document.createElement("section");
    root.className = "panel";
    root.dataset.engine = info.id;
    root.style.setProperty("--engine", cssColor(info.color));
    root.innerHTML = `
      <header><h2>${info.name}</h2><code>${escapeHtml(info.api)}</code></header>
      <dl>
        <dt>state</dt><dd class="state" data-field="state">not started</dd>
        <dt>route</dt><dd data-field="route">—</dd>
        <dt>sent / recv</dt><dd><span data-field="sent">0</span> / <span data-field="received">0</span></dd>
        <dt>round trip</dt><dd data-field="rtt">—</dd>
        <dt>last close</dt><dd data-field="close">—</dd>
        <dt>last error</dt><dd data-field="error">—</dd>
        <dt>sees</dt><dd data-field="sees">nobody yet</dd>
      </dl>
      <h3>Last fault <span data-field="fault-route"></span></h3>
      <ol data-field="fault-log"><li class="hint">press a fault button above</li></ol>
      <h3>Room events</h3>
      <ol data-field="room-log"></ol>
      <footer><a href="${info.docs}" target="_blank" rel="noreferrer">${info.name} docs</a> ·
        <span>${info.file}</span></footer>`;
    for (const el of root.querySelectorAll<HTMLElement>("[data-field]")) this.#fields[el.dataset.field!] = el;
    parent.append(root);
    this.#root = root;
  }

  /** Starts reporting a new connection to `route`; reports from older connections only log. */
  session(route: string, kind: "room" | "fault"): Reporter {
    const token = {};
    this.#current = token;
    const started = performance.now();
    const log = this.#fields[`${kind}-log`]!;
    const waiting = document.createElement("li");
    waiting.className = "hint";
    waiting.textContent = "no event yet";
    log.replaceChildren(waiting);
    let count = 0;
    this.#set("route", route);
    if (kind === "fault") this.#set("fault-route", route);
    const isCurrent = () => this.#current === token;
    return {
      state: (text, connected) => {
        if (!isCurrent()) return;
        this.connected = connected;
        this.#set("state", text);
        this.#root.classList.toggle("connected", connected);
      },
      event: (name, detail = "") => {
        waiting.remove();
        count++;
        if (count > SHOWN_EVENTS) {
          log.lastElementChild!.textContent = `… ${count - SHOWN_EVENTS + 1} more events, latest ${name}`;
          return;
        }
        const item = document.createElement("li");
        item.dataset.name = name;
        const time = ((performance.now() - started) / 1000).toFixed(2);
        item.innerHTML = `<time>+${time}s</time> <b>${escapeHtml(name)}</b> ${escapeHtml(detail)}`;
        log.append(item);
      },
      closed: (text) => this.#set("close", text),
      error: (text) => this.#set("error", text || "(empty text)"),
    };
  }

  // Scoreboard: the game's traffic, whichever connection carried it.
  sent(count: number): void {
    this.#sent += count;
  }
  received(): void {
    this.#received++;
  }
  roundTrip(ms: number): void {
    this.#rtt = ms;
  }
  seen(id: EngineId, x: number, y: number): void {
    this.others.set(id, { x, y, at: performance.now() });
  }

  /** Refreshes the numbers (a few times a second is enough for eyes and tests). */
  render(now: number): void {
    this.#set("sent", String(this.#sent));
    this.#set("received", String(this.#received));
    this.#set("rtt", this.#rtt === undefined ? "—" : `${this.#rtt.toFixed(1)} ms`);
    const sees = [...this.others].map(([id, s]) => {
      const stale = now - s.at > 1000 ? ` (${((now - s.at) / 1000).toFixed(0)} s ago)` : "";
      return `${id} ${s.x},${s.y}${stale}`;
    });
    this.#set("sees", sees.length > 0 ? sees.join(" · ") : "nobody yet");
  }

  #set(field: string, text: string): void {
    const el = this.#fields[field];
    if (el && el.textContent !== text) el.textContent = text;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
