// Names of Zhejiang's cities and counties for display, loaded once per page view.
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { currentLocale } from '../../i18n/locale';

interface Region {
  code: string;
  name: string;
  nameEn: string;
  level: string;
}

let cache: Promise<Region[]> | null = null;

export function loadCities(): Promise<Region[]> {
  cache ??= api.get<Region[]>('/regions', { query: { parent: '33' } }).catch((e: unknown) => {
    cache = null;
    throw e;
  });
  return cache;
}

export function useCities(): Region[] {
  const [cities, setCities] = useState<Region[]>([]);
  useEffect(() => {
    loadCities().then(setCities, () => setCities([]));
  }, []);
  return cities;
}

/** code → display name in the current language (the code itself until loaded). */
export function useRegionName(): (code: string) => string {
  const cities = useCities();
  const en = currentLocale() === 'en';
  return (code: string) => {
    const r = cities.find((c) => c.code === code);
    return r ? (en ? r.nameEn : r.name) : code;
  };
}

export function useCounties(cityCode: string): Region[] {
  const [counties, setCounties] = useState<Region[]>([]);
  useEffect(() => {
    if (!cityCode) return;
    const abort = new AbortController();
    api.get<Region[]>('/regions', { query: { parent: cityCode }, signal: abort.signal }).then(setCounties, () => {});
    return () => abort.abort();
  }, [cityCode]);
  return cityCode ? counties : [];
}
