// Complaints per city or county on the map of Zhejiang, coloured by count; a click drills down.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MapChart } from 'echarts/charts';
import { TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { currentLocale } from '../../i18n/locale';
import type { Level, MapRegion } from './api';
import { loadMap, type LoadedMap } from './geo';
import { placeLabels, type Box } from './mapLabels';
import { useChart } from './useChart';

// SVG: a few dozen regions draw as fast as on a canvas, stay sharp at any zoom, and their labels are
// text in the page (what the end-to-end test reads to check that no two overlap).
echarts.use([MapChart, TooltipComponent, VisualMapComponent, SVGRenderer]);

const FONT_FAMILY = 'sans-serif';
const LEGEND = { left: 8, bottom: 8, itemHeight: 96 };

/** Where the colour legend sits (bottom left, with its handles' values beside it): no label goes there. */
const legendBox = (height: number): Box => ({ x: 0, y: height - LEGEND.bottom - LEGEND.itemHeight - 40, w: 96, h: LEGEND.itemHeight + 48 });

/** "Xihu District" → "Xihu": the map's label; the division's kind is clear from the map level. */
const shortEnglish = (name: string) => name.replace(/ (She Autonomous County|Autonomous County|District|County)$/, '');

interface Props {
  region: string;
  level: Level;
  regions: MapRegion[];
  onPick(code: string): void;
}

export function ZhejiangMap({ region, level, regions, onPick }: Props) {
  const { t } = useTranslation('dashboard');
  const { ref, chart } = useChart('svg');
  const [map, setMap] = useState<LoadedMap | null>(null);
  const mapName = map?.name ?? null;
  const en = currentLocale() === 'en';

  useEffect(() => {
    let live = true;
    loadMap(region, level).then(
      (loaded) => live && setMap(loaded),
      () => live && setMap(null),
    );
    return () => {
      live = false;
    };
  }, [region, level]);

  useEffect(() => {
    if (!chart || !map) return;
    const byCode = new Map(regions.map((r) => [r.regionCode, r]));
    const label = (code: string) => {
      const r = byCode.get(code);
      return r ? (en ? r.nameEn : r.name) : '';
    };
    const max = Math.max(1, ...regions.map((r) => r.count));
    const showLabels = level === 'city' || region !== '33';
    const text = (code: string) => (en ? shortEnglish(label(code)) : label(code));
    const fontSize = en ? 10 : 11;
    const data = (shown: Set<string> | null) =>
      regions.map((r) => ({ name: r.regionCode, value: r.count, ...(shown ? { label: { show: shown.has(r.regionCode) } } : {}) }));
    chart.setOption(
      {
        tooltip: {
          trigger: 'item',
          formatter: (p: { name: string; value?: number }) =>
            `${label(p.name)}<br/>${t('map.complaints', { count: Number.isFinite(p.value) ? p.value : 0 })}`,
        },
        visualMap: {
          min: 0,
          max,
          ...LEGEND,
          calculable: true,
          inRange: { color: ['#fef3e2', '#fdd49e', '#fc8d59', '#e34a33', '#b30000'] },
          textStyle: { color: '#5f6b7a' },
        },
        series: [
          {
            type: 'map',
            map: map.name,
            roam: false,
            layoutCenter: ['54%', '50%'],
            layoutSize: '100%',
            // English names are long ("Shangcheng District"): on the map they drop the kind of division
            // (the tooltip keeps the full name), and a label that would overlap another is left to the
            // region's hover (placeLabels below).
            label: {
              show: showLabels,
              formatter: (p: { name: string }) => text(p.name),
              fontSize,
              fontFamily: FONT_FAMILY,
              color: '#1c2430',
            },
            itemStyle: { borderColor: '#ffffff', borderWidth: 1, areaColor: '#eef2f6' },
            emphasis: { label: { show: true, fontWeight: 'bold' }, itemStyle: { areaColor: '#1d5fbf' } },
            select: { disabled: true },
            data: data(null),
          },
        ],
      },
      true,
    );
    // Placed again whenever the map is drawn at another size; a placement that changes nothing is no
    // new option (the redraw it would cause calls this again).
    let placed: string | null = null;
    const place = () => {
      if (!showLabels || chart.isDisposed()) return;
      const byRank = new Map(regions.map((r) => [r.regionCode, r.count]));
      const candidates = [...map.anchors].map(([code, anchor]) => {
        const [x = NaN, y = NaN] = chart.convertToPixel({ seriesIndex: 0 }, anchor.at) ?? [];
        return { code, x, y, text: text(code), rank: [byRank.get(code) ?? 0, anchor.area] as [number, number] };
      });
      const shown = placeLabels(candidates, fontSize, FONT_FAMILY, [legendBox(chart.getHeight())]);
      const key = [...shown].sort().join(',');
      if (key === placed) return;
      placed = key;
      chart.setOption({ series: [{ data: data(shown) }] });
    };
    place();
    chart.on('finished', place);
    const click = (p: { name?: string }) => {
      if (p.name && byCode.has(p.name)) onPick(p.name);
    };
    chart.on('click', click);
    return () => {
      chart.off('click', click);
      chart.off('finished', place);
    };
  }, [chart, map, regions, level, region, en, t, onPick]);

  return <div ref={ref} className="dash-map" data-testid="dashboard-map" data-map={mapName ?? ''} role="img" aria-label={t('map.title')} />;
}
