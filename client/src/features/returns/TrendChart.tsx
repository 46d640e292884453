// Weekly honour rate per city, one line each (ECharts, only the parts we use).
import { useEffect } from 'react';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { currentLocale } from '../../i18n/locale';
import { useChart } from '../dashboard/useChart';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface TrendPoint {
  cityCode: string;
  cityName: string;
  cityNameEn: string;
  week: string;
  requests: number;
  honorRate: number | null;
}

export function TrendChart({ points }: { points: TrendPoint[] }) {
  const { ref, chart } = useChart();
  useEffect(() => {
    if (!chart) return;
    const weeks = [...new Set(points.map((p) => p.week))].sort();
    const cities = [...new Set(points.map((p) => p.cityCode))];
    const en = currentLocale() === 'en';
    chart.setOption(
      {
        tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v.toFixed(1)}%` : '—') },
        legend: { type: 'scroll', top: 0 },
        grid: { left: 48, right: 16, top: 40, bottom: 32 },
        xAxis: { type: 'category', data: weeks },
        yAxis: {
          type: 'value',
          min: (v: { min: number }) => Math.max(0, Math.floor(v.min / 10) * 10),
          max: 100,
          axisLabel: { formatter: '{value}%' },
        },
        series: cities.map((code) => {
          const first = points.find((p) => p.cityCode === code)!;
          return {
            type: 'line',
            name: en ? first.cityNameEn : first.cityName,
            connectNulls: true,
            data: weeks.map((w) => {
              const p = points.find((x) => x.cityCode === code && x.week === w);
              return p?.honorRate == null ? null : Math.round(p.honorRate * 1000) / 10;
            }),
          };
        }),
      },
      true,
    );
  }, [chart, points]);
  return <div ref={ref} className="trend-chart" data-testid="compliance-trend" />;
}
