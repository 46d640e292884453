// Names of Zhejiang's 11 cities and 90 counties in both languages, loaded once per page view.
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { currentLocale } from '../../i18n/locale';

export interface Region {
  code: string;
  name: string;
  nameEn: string;
  level: 'province' | 'city' | 'county';
  parent: string | null;
}

let cache: Promise<Region[]> | null = null;

function loadAll(): Promise<Region[]> {
  cache ??= api
    .get<Region[]>('/regions', { query: { parent: '33' } })
    .then(async (cities) => [...cities, ...(await Promise.all(cities.map((c) => api.get<Region[]>('/regions', { query: { parent: c.code } })))).flat()])
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
