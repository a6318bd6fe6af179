// The pong scene's end-to-end checks, run by e2e.mjs in each browser engine after the room's: two
// players join the dedicated server (scripts/pong-server.mjs, started in test mode: first to 3, a
// fast ball), a third page is told the game is full, a scripted match is played with the keyboard
// to its end, both pages must log the same score changes and the same winner, closing one player's
// tab must end the match on the other page, and dropping the server must show Godot's
// server_disconnected path on both pages. In Chromium it also measures the main thread's script
// time per frame during the match (DevTools' ScriptDuration over the frames the page drew).
import { mkdirSync } from "node:fs";
import { openBrowser } from "./browser-page.mjs";
import { check, eventually, sleep } from "./checks.mjs";

/** The test mode the e2e starts the dedicated server in (README: "The end-to-end test"). */
export const PONG_TEST_MODE = { scoreToWin: 3, ballSpeed: 600 };

const STATUS = {
  waiting: "Waiting for an opponent...",
  full: "Game full: two players are already playing.",
  opponentLeft: "Opponent disconnected",
  serverLost: "Server disconnected",
};

/** What a pong page shows: the lobby's status, the match, and the log of what the scripts saw. */
function readPage(page) {
  return page.evaluate(() => {
    const game = document.getElementById("game");
    const log = [...document.querySelectorAll("#log li")].map((li) => ({
      event: li.dataset.event,
      text: li.textContent,
    }));
    return {
      status: document.getElementById("status").textContent,
      failed: document.getElementById("status").dataset.kind === "fail",
      joinEnabled: !document.getElementById("join").disabled,
      inGame: !document.getElementById("in-game").hidden,
      side: game.dataset.side ?? "",
      left: Number(game.dataset.left),
      right: Number(game.dataset.right),
      canvas: document.querySelector("#game canvas") !== null,
      log,
    };
  });
}

/** The score after each change, as logged by the page: "1 : 0", … */
const scoresOf = (state) =>
  state.log
    .filter((e) => e.event === "score")
    .map((e) => /^score_changed\((\d+), (\d+)\)$/.exec(e.text)?.slice(1).join(" : ") ?? e.text);
/**
 * Asks the page for one animation frame and says how many such frames it has drawn so far: a page that
 * stops drawing stops polling the game and updating what it shows.
 */
const framesDrawn = (page) =>
  page.evaluate(() => {
    const frames = window.__framesSeen ?? 0;
    requestAnimationFrame(() => {
      window.__framesSeen = frames + 1;
    });
    return frames;
  });
const winnerOf = (state) => state.log.find((e) => e.event === "winner")?.text.replace(/^winner: /, "") ?? "";
const logText = (state) => state.log.map((e) => e.text).join(" | ");

/**
 * Runs the pong checks in one browser engine.
 * @param {{ browser: string, base: string, serverUrl: string, shots: string, noise: RegExp[], serverLog: () => string }} options
 * @returns {Promise<{ scriptMsPerFrame?: number, busyMsPerFrame?: number, fps?: number }>} the frame figures (Chromium)
 */
export async function pongChecks({ browser, base, serverUrl, shots, noise, serverLog }) {
  mkdirSync(shots, { recursive: true });
  const url = `${base}pong.html?renderer=canvas&server=${encodeURIComponent(serverUrl)}`;
  const instance = await openBrowser(browser);
  const pages = [];
  const open = async () => {
    const page = await instance.newPage();
    pages.push(page);
    await page.goto(url);
    await eventually("pong: the page renders its Phaser canvas", async () => ({
      ok: (await readPage(page)).canvas,
    }));
    return page;
  };
  const join = async (page, who, expect) => {
    await page.click("#join");
    return eventually(`pong: ${who} presses Join and sees "${expect}"`, async () => {
      const s = await readPage(page);
      return {
        ok: s.status === expect || (expect === "in game" && s.inGame),
        detail: `status "${s.status}"`,
      };
    });
  };
  const figures = {};
  try {
    // Two players join; the first gets the left paddle. First, a bad address is refused clearly.
    const first = await open();
    await first.evaluate(() => {
      const field = document.getElementById("address");
      field.dataset.saved = field.value;
      field.value = "http://127.0.0.1:1/";
      field.dispatchEvent(new Event("input"));
    });
    await join(
      first,
      "a player with an http:// address",
      '"http://127.0.0.1:1/" is not a WebSocket address.',
    );
    check("pong: after a bad address, Join can be pressed again", (await readPage(first)).joinEnabled);
    await first.evaluate(() => {
      const field = document.getElementById("address");
      field.value = field.dataset.saved;
      field.dispatchEvent(new Event("input"));
    });
    const second = await open();
    await join(first, "the first player", STATUS.waiting);
    await join(second, "the second player", "in game");
    await eventually("pong: both pages are in the match, on opposite sides", async () => {
      const [a, b] = [await readPage(first), await readPage(second)];
      return {
        ok: a.inGame && b.inGame && a.side === "left" && b.side === "right",
        detail: `first: ${a.side || a.status}, second: ${b.side || b.status}`,
      };
    });

    // The scripted match: the right player nudges down and back and then stays in the middle, where
    // every serve goes; the left player parks at the top.
    const frameProbe = () =>
      first.evaluate(() => {
        if (!window.__frames) {
          window.__frames = { n: 0 };
          const tick = () => {
            window.__frames.n++;
            requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }
        return { n: window.__frames.n, t: performance.now() };
      });
    const startFrames = await frameProbe();
    const startScript = await first.metrics?.();
    // The right player's nudge comes first: in WebKit, keys sent to one window take the focus from
    // the other, and Phaser lets go of a window's keys when it loses the focus.
    await second.keyDown("ArrowDown");
    await sleep(150);
    await second.keyUp("ArrowDown");
    await second.keyDown("ArrowUp");
    await sleep(150);
    await second.keyUp("ArrowUp");
    await first.keyDown("ArrowUp");
    await eventually(
      "pong: the left paddle goes to the top, seen on the other page",
      async () => {
        const s = await readPage(second);
        return { ok: s.left < 60, detail: `left paddle at y=${s.left} on the second page` };
      },
      // Generous: the paddle moves per frame, and a WebKit window on a loaded CI machine draws few frames.
      15_000,
    );
    const scored = await eventually(
      "pong: a first point is scored",
      async () => ({ ok: scoresOf(await readPage(second)).length > 0 }),
      20_000,
    );
    if (scored) await second.screenshot(`${shots}/pong-playing.png`);
    const ended = await eventually(
      "pong: the match is played to its end on both pages",
      async () => {
        const [a, b] = [await readPage(first), await readPage(second)];
        return { ok: winnerOf(a) !== "" && winnerOf(b) !== "", detail: `${logText(a)}  //  ${logText(b)}` };
      },
      60_000,
    );
    const endFrames = await frameProbe();
    const endScript = await first.metrics?.();
    await first.keyUp("ArrowUp");
    if (startScript && endScript) {
      const frames = endFrames.n - startFrames.n;
      figures.fps = (frames * 1000) / (endFrames.t - startFrames.t);
      figures.scriptMsPerFrame = (endScript.scriptMs - startScript.scriptMs) / frames;
      figures.busyMsPerFrame = (endScript.taskMs - startScript.taskMs) / frames;
      console.log(
        `     pong frame time (${browser}, first player's page): ${figures.scriptMsPerFrame.toFixed(2)} ms of script per frame (main thread busy ${figures.busyMsPerFrame.toFixed(2)} ms), ${figures.fps.toFixed(1)} frames/s over ${frames} frames`,
      );
    }
    const [a, b] = [await readPage(first), await readPage(second)];
    if (ended) {
      const [sa, sb] = [scoresOf(a), scoresOf(b)];
      check(
        "pong: both pages saw the same score changes, in the same order",
        sa.join() === sb.join(),
        `${sa} vs ${sb}`,
      );
      const steps = sa.map((t) => t.split(" : ").map(Number));
      const oneAtATime = steps.every(([l, r], i) => {
        const [pl, pr] = i === 0 ? [0, 0] : steps[i - 1];
        return l + r === pl + pr + 1 && l >= pl && r >= pr;
      });
      check("pong: each score change adds one point to one side", oneAtATime, sa.join(", "));
      const last = steps.at(-1) ?? [0, 0];
      check(
        `pong: the winner has ${PONG_TEST_MODE.scoreToWin} points`,
        Math.max(...last) === PONG_TEST_MODE.scoreToWin && Math.min(...last) < PONG_TEST_MODE.scoreToWin,
        sa.join(", "),
      );
      const expected = last[0] > last[1] ? "left" : "right";
      check(
        `pong: both pages name the same winner (${winnerOf(a)})`,
        winnerOf(a) === expected && winnerOf(b) === expected,
        `${winnerOf(a)} / ${winnerOf(b)}, scores ${sa}`,
      );
    }
    await first.screenshot(`${shots}/pong-left.png`);
    await second.screenshot(`${shots}/pong-right.png`);

    // A third page while the two are still connected: game full.
    const third = await open();
    await join(third, "a third page", STATUS.full);
    const full = await readPage(third);
    check(
      "pong: the third page shows the game-full state as an error and can try again",
      full.failed && full.joinEnabled,
    );
    await third.screenshot(`${shots}/pong-full.png`);
    await third.close();
    pages.splice(pages.indexOf(third), 1);
    await sleep(300);
    const [a0, b0] = [await readPage(first), await readPage(second)];
    check(
      "pong: the third page did not disturb the two players",
      a0.inGame && b0.inGame && winnerOf(a0) !== "" && winnerOf(a0) === winnerOf(b0),
      `${a0.status} / ${b0.status}; ${logText(a0).slice(-200)}`,
    );

    // Closing a player's tab ends the match on the other side.
    await second.close();
    pages.splice(pages.indexOf(second), 1);
    await eventually(
      `pong: closing the second player's tab shows "${STATUS.opponentLeft}" on the first`,
      async () => {
        const s = await readPage(first);
        return {
          ok: !s.inGame && s.failed && s.status === STATUS.opponentLeft && s.joinEnabled,
          detail: `status "${s.status}", in game ${s.inGame}`,
        };
      },
    );

    // A new match, then the server drops: both pages take Godot's server_disconnected path.
    const newcomer = await open();
    await join(first, "the first player, again", STATUS.waiting);
    await join(newcomer, "a new second player", "in game");
    await first.click("#drop-server");
    for (const [who, page] of [
      ["first", first],
      ["second", newcomer],
    ]) {
      await eventually(
        `pong: dropping the server shows "${STATUS.serverLost}" on the ${who} page`,
        async () => {
          const s = await readPage(page);
          const signal = s.log.some((e) => e.event === "signal" && e.text === "server_disconnected");
          return {
            ok: signal && !s.inGame && s.failed && s.status === STATUS.serverLost && s.joinEnabled,
            detail: `status "${s.status}"; ${logText(s).slice(-300)}`,
          };
        },
      );
    }
    await first.screenshot(`${shots}/pong-server-lost.png`);
    // The server starts again after 3 s: Join works again (pressed again after each "Couldn't connect",
    // as a player would).
    await sleep(3000);
    const failedClicks = [];
    let reads = 0;
    await eventually(
      `pong: once the server is back, Join leads to "${STATUS.waiting}" again`,
      async () => {
        const s = await readPage(first);
        const frames = await framesDrawn(first);
        reads++;
        // A short click timeout: the button may turn disabled between the read and the click, and a
        // click that waits for it (30 s by default) would outlive this check.
        if (s.joinEnabled && s.status !== STATUS.waiting)
          await first
            .click("#join", { timeout: 1000 })
            .catch((err) => failedClicks.push(err.message.split("\n")[0]));
        return {
          ok: s.status === STATUS.waiting,
          detail: `status "${s.status}", frames drawn for ${frames} of ${reads} reads; failed clicks: ${failedClicks.length} (${failedClicks.at(-1) ?? ""}); page: ${logText(s).slice(-300)}; server: ${serverLog()}`,
        };
      },
      30_000,
    );

    for (const page of pages) {
      // godot-compat prints Godot's error for the bad address, as Godot does.
      const expected = [...noise, /^ERROR: Invalid URL or options for 'http:\/\/127\.0\.0\.1:1\/'/];
      const errors = page.errors.filter((line) => !expected.some((re) => re.test(line)));
      check("pong: no errors in the page's console", errors.length === 0, errors.slice(0, 5).join(" | "));
    }
  } finally {
    await instance.close();
  }
  return figures;
}
