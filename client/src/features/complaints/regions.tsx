// Zhejiang's cities and counties for the complaint pages (one shared cache: api/regions).
import { useEffect, useState } from 'react';
import { loadRegions, type Region } from '../../api/regions';
import { currentLocale } from '../../i18n/locale';

export type { Region };

/** The regions under `parent` ('33' for cities, a city code for its counties); empty while loading. */
export function useRegions(parent: string | null): Region[] {
  const [loaded, setLoaded] = useState<{ parent: string; list: Region[] } | null>(null);
  useEffect(() => {
    if (!parent) return;
    let current = true;
    loadRegions(parent).then(
      (list) => current && setLoaded({ parent, list }),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [parent]);
  return parent && loaded?.parent === parent ? loaded.list : [];
}

export const regionLabel = (r: Region) => (currentLocale() === 'en' ? r.nameEn : r.name);

/** A county or city name, in the current language; the code until the names arrive. */
export function RegionName({ code }: { code: string }) {
  const siblings = useRegions(code.length === 6 ? code.slice(0, 4) : code.length === 4 ? '33' : null);
  const r = siblings.find((x) => x.code === code);
  return <>{r ? regionLabel(r) : code}</>;
}

interface PickerProps {
  /** Prefix of the two selects' ids and test ids: `<prefix>-city`, `<prefix>-county`. */
  prefix: string;
  city: string;
  county: string;
  onChange(city: string, county: string): void;
  cityLabel: string;
  countyLabel: string;
  /** The text of the empty choice ("any region", "choose…"). */
  empty: string;
  fieldClass?: string;
  countyRequired?: boolean;
  /** A county not to offer (the one a complaint is transferred from). */
  exclude?: string;
  /** Offer only the cities and counties inside this region (a city or county bureau's jurisdiction). */
  within?: string;
}

/** Whether region `r` is inside `within`, or contains it (a county bureau's city). */
const related = (r: Region, within: string | undefined) => !within || within.startsWith(r.code) || r.code.startsWith(within);

/** A city, then a county of that city: the filters, the store search and the transfer form share it. */
export function CityCountyPicker({
  prefix,
  city,
  county,
  onChange,
  cityLabel,
  countyLabel,
  empty,
  fieldClass = '',
  countyRequired,
  exclude,
  within,
}: PickerProps) {
  const cities = useRegions('33').filter((r) => related(r, within));
  const counties = useRegions(city || null).filter((r) => r.code !== exclude && related(r, within));
  const select = (level: 'city' | 'county', value: string, list: Region[], label: string) => (
    <div className={`field ${fieldClass}`.trim()}>
      <label htmlFor={`${prefix}-${level}`}>{label}</label>
      <select
        id={`${prefix}-${level}`}
        value={value}
        required={level === 'county' && countyRequired}
        disabled={level === 'county' && !city}
        onChange={(e) => (level === 'city' ? onChange(e.target.value, '') : onChange(city, e.target.value))}
        data-testid={`${prefix}-${level}`}
      >
        <option value="">{empty}</option>
        {list.map((r) => (
          <option key={r.code} value={r.code}>
            {regionLabel(r)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <>
      {select('city', city, cities, cityLabel)}
      {select('county', county, counties, countyLabel)}
    </>
  );
}
