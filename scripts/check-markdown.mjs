#!/usr/bin/env node
// Markdown that renders as written: in every Markdown file git tracks (READMEs, docs/, examples/), each
// code fence closes, and each table row has as many cells as its header. An unclosed fence turns the rest
// of a page into code; a row with a stray `|` shifts its cells. Run by `pnpm lint`; prints each problem
// as file:line and exits 1 when there is one. `node scripts/check-markdown.mjs <files>` checks only those.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : execFileSync("git", ["ls-files", "*.md"], { encoding: "utf8" }).trim().split("\n").filter(Boolean);

const problems = files.flatMap((file) =>
  checkMarkdown(readFileSync(file, "utf8")).map((p) => `${file}:${p}`),
);
for (const problem of problems) console.error(problem);
if (problems.length > 0) {
  console.error(`check-markdown: ${problems.length} problem(s) in ${files.length} files`);
  process.exit(1);
}

/** The problems in one document, as "line: what". */
export function checkMarkdown(text) {
  const problems = [];
  const lines = text.split("\n");
  let fence = null; // { marker, line } while inside a fenced block
  let columns = 0; // cells of the current table's header, 0 outside a table
  lines.forEach((line, i) => {
    const n = i + 1;
    const opener = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (fence !== null) {
      if (opener && opener[1][0] === fence.marker[0] && opener[1].length >= fence.marker.length) {
        // A closing fence has no info string; one with a language opens a block in a block.
        if (opener[2].trim() !== "") {
          problems.push(
            `${n}: a fence with "${opener[2].trim()}" inside the block opened on line ${fence.line}`,
          );
        }
        fence = null;
      }
      return;
    }
    if (opener) {
      fence = { marker: opener[1], line: n };
      columns = 0;
      return;
    }
    if (columns > 0) {
      if (!line.trim().startsWith("|")) columns = 0;
      else if (cells(line) !== columns) {
        problems.push(`${n}: a table row with ${cells(line)} cells under a header of ${columns}`);
      }
      return;
    }
    const next = lines[i + 1] ?? "";
    if (line.trim().startsWith("|") && /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(next)) {
      columns = cells(line);
      if (cells(next) !== columns)
        problems.push(`${n + 1}: a delimiter row of ${cells(next)} cells under ${columns}`);
    }
  });
  if (fence !== null) problems.push(`${fence.line}: a code fence that never closes`);
  return problems;
}

/** A table row's cell count: pipes not escaped with a backslash separate cells (GFM splits code spans too). */
function cells(row) {
  const inner = row.trim().replace(/^\|/, "").replace(/\|$/, "");
  return inner.split(/(?<!\\)\|/).length;
}
