// Complaints per city or county on the map of Zhejiang, coloured by count; a click drills down.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MapChart } from 'echarts/charts';
import { TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { currentLocale } from '../../i18n/locale';
import type { Level, MapRegion } from './api';
import { loadMap } from './geo';
import { useChart } from './useChart';

echarts.use([MapChart, TooltipComponent, VisualMapComponent, CanvasRenderer]);

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
  const { ref, chart } = useChart();
  const [mapName, setMapName] = useState<string | null>(null);
  const en = currentLocale() === 'en';

  useEffect(() => {
    let live = true;
    loadMap(region, level).then(
      (name) => live && setMapName(name),
      () => live && setMapName(null),
    );
    return () => {
      live = false;
    };
  }, [region, level]);

  useEffect(() => {
    if (!chart || !mapName) return;
    const byCode = new Map(regions.map((r) => [r.regionCode, r]));
    const label = (code: string) => {
      const r = byCode.get(code);
      return r ? (en ? r.nameEn : r.name) : '';
    };
    const max = Math.max(1, ...regions.map((r) => r.count));
    const showLabels = level === 'city' || region !== '33';
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
          left: 8,
          bottom: 8,
          calculable: true,
          itemHeight: 96,
          inRange: { color: ['#fef3e2', '#fdd49e', '#fc8d59', '#e34a33', '#b30000'] },
          textStyle: { color: '#5f6b7a' },
        },
        series: [
          {
            type: 'map',
            map: mapName,
            roam: false,
            layoutCenter: ['54%', '50%'],
            layoutSize: '100%',
            // English names are long ("Shangcheng District"): on the map they drop the kind of division
            // (the tooltip keeps the full name), and a label that would overlap another is hidden.
            label: {
              show: showLabels,
              formatter: (p: { name: string }) => (en ? shortEnglish(label(p.name)) : label(p.name)),
              fontSize: en ? 10 : 11,
              color: '#1c2430',
            },
            labelLayout: { hideOverlap: true },
            itemStyle: { borderColor: '#ffffff', borderWidth: 1, areaColor: '#eef2f6' },
            emphasis: { label: { show: true, fontWeight: 'bold' }, itemStyle: { areaColor: '#1d5fbf' } },
            select: { disabled: true },
            data: regions.map((r) => ({ name: r.regionCode, value: r.count })),
          },
        ],
      },
      true,
    );
    const click = (p: { name?: string }) => {
      if (p.name && byCode.has(p.name)) onPick(p.name);
    };
    chart.on('click', click);
    return () => {
      chart.off('click', click);
    };
  }, [chart, mapName, regions, level, region, en, t, onPick]);

  return <div ref={ref} className="dash-map" data-testid="dashboard-map" data-map={mapName ?? ''} role="img" aria-label={t('map.title')} />;
}
