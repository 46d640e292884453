// Complaints per day or week as a line; a click on a point drills down to that period.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { Interval, Point } from './api';
import { useChart } from './useChart';

echarts.use([LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

interface Props {
  points: Point[];
  interval: Interval;
  onPick(period: string): void;
}

export function TrendChart({ points, interval, onPick }: Props) {
  const { t } = useTranslation('dashboard');
  const { ref, chart } = useChart();
  useEffect(() => {
    if (!chart) return;
    chart.setOption(
      {
        tooltip: { trigger: 'axis' },
        grid: { left: 40, right: 16, top: 16, bottom: 28 },
        xAxis: {
          type: 'category',
          boundaryGap: false,
          data: points.map((p) => p.period),
          // "2026-11-03" → "11-03", "2026-W45" → "W45": the year is in the filter already.
          axisLabel: { formatter: (v: string) => v.slice(5), color: '#5f6b7a' },
          axisLine: { lineStyle: { color: '#c4ccd6' } },
        },
        yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef1f5' } }, axisLabel: { color: '#5f6b7a' } },
        series: [
          {
            type: 'line',
            name: t('trend.complaints'),
            data: points.map((p) => p.count),
            showSymbol: interval === 'week',
            lineStyle: { width: 2, color: '#1d5fbf' },
            itemStyle: { color: '#1d5fbf' },
            areaStyle: { color: 'rgba(29, 95, 191, 0.12)' },
          },
        ],
      },
      true,
    );
    const click = (p: { dataIndex?: number }) => {
      const point = p.dataIndex === undefined ? undefined : points[p.dataIndex];
      if (point) onPick(point.period);
    };
    chart.on('click', click);
    return () => {
      chart.off('click', click);
    };
  }, [chart, points, interval, t, onPick]);
  return <div ref={ref} className="dash-trend" data-testid="dashboard-trend" role="img" aria-label={t('trend.title')} />;
}
