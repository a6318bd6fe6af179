#!/usr/bin/env node
// Rewrites Markdown tables without padding: `| a | b |` and `|---|:-:|`, alignment kept. Padded tables
// (what Prettier and Biome write) make every edit rewrite the whole table and can double a README's size.
//
//   node scripts/unpad-md-tables.mjs [--check] [file.md ...]
//
// Without files it takes every Markdown file git tracks. `--check` changes nothing: it lists the files
// that have padded tables and exits 1 if there are any. Cells are split the way GitHub does (on every
// `|` not escaped by a backslash, code spans included); fenced code blocks are left alone. Each rewritten
// table is parsed again and must have the same cells and alignment, or the file is not written.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const DELIMITER_CELL = /^:?-+:?$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The cells of a table row: split on unescaped pipes, outer pipes dropped, each trimmed. */
export function splitRow(line) {
  const cells = [];
  let cell = "";
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === "\\" && i + 1 < line.length) {
      cell += ch + line[i + 1];
      i++;
    } else if (ch === "|") {
      cells.push(cell);
      cell = "";
    } else {
      cell += ch;
    }
  }
  cells.push(cell);
  if (cells.length > 1 && cells[0].trim() === "") cells.shift();
  if (cells.length > 1 && cells[cells.length - 1].trim() === "") cells.pop();
  return cells.map((c) => c.trim());
}

const hasPipe = (line) => splitRow(line).length > 1 || /^\s*\|/.test(line);
const isDelimiterRow = (line) => hasPipe(line) && splitRow(line).every((c) => DELIMITER_CELL.test(c));

function delimiter(cell) {
  const left = cell.startsWith(":");
  const right = cell.endsWith(":");
  if (left && right) return ":-:";
  if (left) return ":--";
  if (right) return "--:";
  return "---";
}

const alignment = (cell) => delimiter(cell);
const joinRow = (indent, cells) => `${indent}|${cells.map((c) => (c === "" ? " " : ` ${c} `)).join("|")}|`;

/** `text` with every table outside code fences unpadded. */
export function unpadTables(text) {
  const lines = text.split("\n");
  const out = [];
  let fence = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const open = FENCE.exec(line);
    if (fence !== null) {
      if (
        open !== null &&
        open[1][0] === fence[0] &&
        open[1].length >= fence.length &&
        line.trim() === open[1]
      )
        fence = null;
      out.push(line);
      continue;
    }
    if (open !== null) {
      fence = open[1];
      out.push(line);
      continue;
    }
    const next = lines[i + 1];
    const isTable =
      hasPipe(line) &&
      next !== undefined &&
      isDelimiterRow(next) &&
      splitRow(line).length === splitRow(next).length;
    if (!isTable) {
      out.push(line);
      continue;
    }
    // A table: the header, the delimiter row, then every following non-blank line with a pipe.
    let end = i + 2;
    while (end < lines.length && lines[end].trim() !== "" && hasPipe(lines[end])) end++;
    const rows = lines.slice(i, end);
    const indent = /^\s*/.exec(line)[0];
    const rewritten = rows.map((row, r) =>
      r === 1 ? `${indent}|${splitRow(row).map(delimiter).join("|")}|` : joinRow(indent, splitRow(row)),
    );
    assertSameTable(rows, rewritten);
    out.push(...rewritten);
    i = end - 1;
  }
  return out.join("\n");
}

/** Nothing may be lost: the same cells, the same alignment, row by row. */
function assertSameTable(before, after) {
  before.forEach((row, r) => {
    const a = splitRow(row);
    const b = splitRow(after[r]);
    const same =
      r === 1 ? a.map(alignment).join() === b.map(alignment).join() : JSON.stringify(a) === JSON.stringify(b);
    if (!same) throw new Error(`table row changed its cells:\n  ${row}\n  ${after[r]}`);
  });
}

function main(args) {
  const check = args.includes("--check");
  const given = args.filter((a) => a !== "--check");
  const files =
    given.length > 0
      ? given
      : execFileSync("git", ["ls-files", "*.md"], { encoding: "utf8" })
          .split("\n")
          // The bench writes its results as aligned tables for reading in a terminal too.
          .filter((file) => file !== "" && !file.startsWith("bench/results/"));
  const padded = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const result = unpadTables(text);
    if (result === text) continue;
    padded.push(file);
    if (!check) writeFileSync(file, result);
    const saved = Buffer.byteLength(text) - Buffer.byteLength(result);
    console.log(`${check ? "padded" : "unpadded"}: ${file} (${saved} bytes${check ? " to save" : " saved"})`);
  }
  if (check && padded.length > 0) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main(process.argv.slice(2));
