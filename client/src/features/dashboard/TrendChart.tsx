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
  /** The last period is still running (the filter ends today): drawn dashed, not read as a drop. */
  partial: boolean;
  onPick(period: string): void;
}

const LINE = '#1d5fbf';

export function TrendChart({ points, interval, partial, onPick }: Props) {
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
            data: points.map((p, i) => (partial && i === points.length - 1 ? null : p.count)),
            showSymbol: interval === 'week',
            lineStyle: { width: 2, color: LINE },
            itemStyle: { color: LINE },
            areaStyle: { color: 'rgba(29, 95, 191, 0.12)' },
          },
          ...(partial && points.length > 1
            ? [
                {
                  type: 'line',
                  name: t('trend.sofar'),
                  data: points.map((p, i) => (i >= points.length - 2 ? p.count : null)),
                  lineStyle: { width: 2, color: LINE, type: 'dashed' },
                  itemStyle: { color: LINE, borderType: 'dashed' },
                  symbol: 'emptyCircle',
                },
              ]
            : []),
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
  }, [chart, points, interval, partial, t, onPick]);
  return <div ref={ref} className="dash-trend" data-testid="dashboard-trend" role="img" aria-label={t('trend.title')} />;
}
