// Names of Zhejiang's 11 cities and 90 counties in both languages, loaded once per page view.
import { useEffect, useState } from 'react';
import { loadRegions, type Region } from '../../api/regions';
import { currentLocale } from '../../i18n/locale';

export type { Region };

let cache: Promise<Region[]> | null = null;

function loadAll(): Promise<Region[]> {
  cache ??= loadRegions('33')
    .then(async (cities) => [...cities, ...(await Promise.all(cities.map((c) => loadRegions(c.code)))).flat()])
    .catch((e: unknown) => {
      cache = null;
      throw e;
    });
  return cache;
}

const PROVINCE = { zh: '浙江省', en: 'Zhejiang' };

export function useRegions() {
  const [all, setAll] = useState<Region[]>([]);
  useEffect(() => {
    loadAll().then(setAll, () => setAll([]));
  }, []);
  const en = currentLocale() === 'en';
  return {
    all,
    cities: all.filter((r) => r.level === 'city'),
    countiesOf: (city: string) => all.filter((r) => r.parent === city),
    /** The display name in the current language; the code itself until loaded. */
    name(code: string): string {
      if (code === '33') return en ? PROVINCE.en : PROVINCE.zh;
      const r = all.find((x) => x.code === code);
      return r ? (en ? r.nameEn : r.name) : code;
    },
  };
}
