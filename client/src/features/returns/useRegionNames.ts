// Names of Zhejiang's cities and counties for display, loaded once per page view.
import { useEffect, useState } from 'react';
import { loadRegions, type Region } from '../../api/regions';
import { currentLocale } from '../../i18n/locale';

export const loadCities = (): Promise<Region[]> => loadRegions('33');

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
    let current = true;
    loadRegions(cityCode).then(
      (list) => current && setCounties(list),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [cityCode]);
  return cityCode ? counties : [];
}
