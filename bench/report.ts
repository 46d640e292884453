// The table of docs/performance.md: every figure as a ratio to its yardstick, each budget marked.
import os from 'node:os';
import type { SizeResult } from './scale.js';
import { SOCKETS } from './fanout.js';
import { LATE, NEIGHBOURS, PER_CALL } from './pages.js';

export const BUDGETS = { pageRatio: 10, pageGrowth: 1.5, filings: 0.33, fanout: 2, rssMb: 300 } as const;

const k = (n: number) => (n >= 1000 ? `${Math.round(n / 1000)}k` : String(n));
const x = (n: number) => (Number.isFinite(n) ? `${n < 10 ? n.toFixed(1) : Math.round(n)}×` : '—');
const mark = (ok: boolean) => (ok ? 'pass' : '**FAIL**');

export function report(all: SizeResult[], run: { seconds: number; loadAtStart: number; sizes: number[]; engines: string[] }): string {
  const main = all.filter((r) => r.engine === run.engines[0]);
  const first = main[0]!;
  const last = main[main.length - 1]!;
  const cpu = os.cpus();
  const lines: string[] = [];
  const out = (s = '') => lines.push(s);
  out('# Performance at scale');
  out();
  out(
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench\` in ${Math.round(run.seconds / 60)} min, on ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, load average ${run.loadAtStart.toFixed(1)} at the start (the machine is shared: absolute times vary, the ratios are the figures). Engine: FerretDB v1.24.2 over ${run.engines[0]} (the embedded default), one database grown ${main.map((r) => k(r.size)).join(' → ')} complaints with \`npm run seed -- --complaints N\`.`,
  );
  out();
  out(
    `Every page call's latency is divided by the p95 of \`GET /api/auth/me\` timed beside it (below as ×). The calls are those the pages of each role make, found by opening every page of the navigation and one detail page of each kind in Chromium; each is replayed over loopback HTTP one at a time, after one warm-up, in rounds of one request of the call and one auth/me request of a signed-in consumer, the order alternating: ${PER_CALL.min} rounds, more up to ${PER_CALL.max} within ${PER_CALL.budgetMs / 1000} s (${LATE.min} when the phase ran past its budget). A call's yardstick is the auth/me requests of its own rounds and of the ${NEIGHBOURS} calls before and after it (about ${(2 * NEIGHBOURS + 1) * PER_CALL.min} requests, taken within seconds of the call's), so a burst of load on the shared machine slows both sides of the ratio; the auth/me figure below pools every one of them.`,
  );
  out();

  const rows = new Map<string, { role: string; page: string; label: string; by: Map<number, SizeResult['calls'][number]> }>();
  for (const r of main)
    for (const c of r.calls) {
      const key = `${c.role}|${c.label}`;
      if (!rows.has(key)) rows.set(key, { role: c.role, page: c.page, label: c.label, by: new Map() });
      rows.get(key)!.by.set(r.size, c);
    }
  // Each call against the auth/me requests timed beside it (bench/pages.ts).
  type C = SizeResult['calls'][number];
  const ratio = (c: C, ms: number) => ms / c.yardstick.p95;
  // Growth compares the largest size with the smallest: with one size there is nothing to compare.
  const grows = main.length > 1;
  const growthCell = (s: string) => (grows ? ` ${s} |` : '');
  let pageFails = 0;
  let worst = { row: '', v: 0 };
  let worstGrowth = { row: '', v: 0 };
  const table: string[] = [];
  table.push(
    `| role | page | call | ${main.map((r) => `${k(r.size)} p50 | ${k(r.size)} p95`).join(' | ')} |${growthCell('growth')} budget |`,
  );
  table.push(`|---|---|---|${main.map(() => '---:|---:').join('|')}|${grows ? '---:|' : ''}---|`);
  for (const row of rows.values()) {
    const cells: string[] = [];
    let ok = true;
    for (const r of main) {
      const c = row.by.get(r.size);
      if (!c) {
        cells.push('—', '—');
        continue;
      }
      const p95 = ratio(c, c.sample.p95);
      if (p95 > BUDGETS.pageRatio || c.sample.errors) ok = false;
      if (p95 > worst.v) worst = { row: `${row.role} ${row.label} at ${k(r.size)}`, v: p95 };
      cells.push(x(ratio(c, c.sample.p50)), `${x(p95)}${c.sample.errors ? ` (${c.sample.errors})` : ''}`);
    }
    const a = row.by.get(first.size);
    const b = row.by.get(last.size);
    const growth = a && b && grows ? ratio(b, b.sample.p95) / ratio(a, a.sample.p95) : NaN;
    if (growth > BUDGETS.pageGrowth) ok = false;
    if (growth > worstGrowth.v) worstGrowth = { row: `${row.role} ${row.label}`, v: growth };
    if (!ok) pageFails++;
    table.push(
      `| ${row.role} | ${row.page} | \`${row.label.replace(/\|/g, '\\|')}\` | ${cells.join(' | ')} |${growthCell(x(growth))} ${mark(ok)} |`,
    );
  }

  out('## Budgets');
  out();
  out('| budget | figure | result |');
  out('|---|---|---|');
  out(
    `| every page call p95 ≤ ${BUDGETS.pageRatio}× auth/me p95 at every size${grows ? `, growth ${k(first.size)} → ${k(last.size)} ≤ ${BUDGETS.pageGrowth}×` : ''} | ${rows.size - pageFails} of ${rows.size} calls within; worst ${x(worst.v)} (${worst.row})${grows ? `; largest growth ${x(worstGrowth.v)} (${worstGrowth.row})` : ''} | ${mark(pageFails === 0)} |`,
  );
  for (const r of main) {
    const f = r.writes.filingsPerSecond / r.writes.rawInsertsPerSecond;
    out(
      `| filings ≥ ${BUDGETS.filings}× raw inserts, at ${k(r.size)} | ${r.writes.filingsPerSecond.toFixed(1)} filings/s ÷ ${Math.round(r.writes.rawInsertsPerSecond)} insertOne/s = ${f.toFixed(3)}× | ${mark(f >= BUDGETS.filings)} |`,
    );
  }
  for (const r of main) {
    const f = r.fanout.p99 / r.fanout.bareP99;
    out(
      `| fan-out p99 ≤ ${BUDGETS.fanout}× bare broadcast, ${SOCKETS} sockets, at ${k(r.size)} | ${Math.round(r.fanout.p99)} ms ÷ ${Math.round(r.fanout.bareP99)} ms = ${x(f)} | ${mark(f <= BUDGETS.fanout)} |`,
    );
  }
  for (const r of main)
    out(`| server RSS ≤ ${BUDGETS.rssMb} MB at ${SOCKETS} sockets, at ${k(r.size)} | ${r.rss} MB | ${mark(r.rss <= BUDGETS.rssMb)} |`);
  out();
  out('## Writes and realtime');
  out();
  out(`| | ${main.map((r) => `${k(r.size)} (${r.complaints.toLocaleString('en')})`).join(' | ')} |`);
  out(`|---|${main.map(() => '---:').join('|')}|`);
  out(
    `| \`GET /api/auth/me\` p50 / p95 (the yardstick) | ${main.map((r) => `${r.authMe.p50.toFixed(1)} / ${r.authMe.p95.toFixed(1)} ms`).join(' | ')} |`,
  );
  out(`| filings/s through HTTP, concurrency 10 | ${main.map((r) => r.writes.filingsPerSecond.toFixed(1)).join(' | ')} |`);
  out(
    `| raw driver insertOne/s, same-size document, concurrency 10 | ${main.map((r) => Math.round(r.writes.rawInsertsPerSecond)).join(' | ')} |`,
  );
  out(
    `| transition (merchant responds) p95, × auth/me | ${main.map((r) => `${Math.round(r.writes.transitionP95)} ms, ${x(r.writes.transitionP95 / r.authMe.p95)}`).join(' | ')} |`,
  );
  out(
    `| \`complaint:created\` p99 at ${SOCKETS} regulator sockets / bare socket.io | ${main.map((r) => `${Math.round(r.fanout.p99)} / ${Math.round(r.fanout.bareP99)} ms`).join(' | ')} |`,
  );
  out(`| server RSS at ${SOCKETS} sockets | ${main.map((r) => `${r.rss} MB`).join(' | ')} |`);
  out(`| writes answered otherwise | ${main.map((r) => r.writes.failures || 'none').join(' | ')} |`);
  out(`| phases not measured | ${main.map((r) => r.problems.join('; ').replace(/\|/g, '\\|') || 'none').join(' | ')} |`);
  out();
  out(
    "Filing is timed from request to answer, ten at a time, up to 200 filings or 15 s; the raw baseline inserts a copy of a stored complaint with the driver, ten at a time. Fan-out is timed to each socket's receipt from the moment the filing (or the bare server's trigger) is answered, or from the first receipt when that came earlier, over 6 rounds. RSS is the Node server process alone (the database runs in its own processes).",
  );
  out();

  const others = all.filter((r) => r.engine !== run.engines[0]);
  if (others.length) {
    const base = all.find((r) => r.engine === run.engines[0] && r.size === others[0]!.size)!;
    const engines = [base, ...others];
    out(`## Engines side by side at ${k(base.size)}`);
    out();
    out(`| | ${engines.map((r) => r.engine).join(' | ')} |`);
    out(`|---|${engines.map(() => '---:').join('|')}|`);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
    out(`| \`GET /api/auth/me\` p95 | ${engines.map((r) => `${r.authMe.p95.toFixed(1)} ms`).join(' | ')} |`);
    out(`| page calls: median p95 | ${engines.map((r) => `${Math.round(median(r.calls.map((c) => c.sample.p95)))} ms`).join(' | ')} |`);
    out(
      `| page calls: slowest p95 | ${engines.map((r) => `${Math.round(Math.max(...r.calls.map((c) => c.sample.p95)))} ms`).join(' | ')} |`,
    );
    out(
      `| page calls within ${BUDGETS.pageRatio}× auth/me | ${engines.map((r) => `${r.calls.filter((c) => ratio(c, c.sample.p95) <= BUDGETS.pageRatio).length} of ${r.calls.length}`).join(' | ')} |`,
    );
    out(
      `| filings/s (raw insertOne/s) | ${engines.map((r) => `${r.writes.filingsPerSecond.toFixed(1)} (${Math.round(r.writes.rawInsertsPerSecond)})`).join(' | ')} |`,
    );
    out(`| transition p95 | ${engines.map((r) => `${Math.round(r.writes.transitionP95)} ms`).join(' | ')} |`);
    out(`| fan-out p99 / bare | ${engines.map((r) => `${Math.round(r.fanout.p99)} / ${Math.round(r.fanout.bareP99)} ms`).join(' | ')} |`);
    out();
  }
  out('## Every page call');
  out();
  out(
    `p50 and p95 as multiples of the same size's auth/me p95${grows ? '; growth is the p95 multiple at the largest size over the smallest' : ''}. A call that answered other than 2xx shows its statuses.`,
  );
  out();
  lines.push(...table);
  out();
  return lines.join('\n');
}
