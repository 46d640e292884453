// One ECharts instance per element for the component's life, resized with its box.
import { useEffect, useRef, useState } from 'react';
import * as echarts from 'echarts/core';

export function useChart() {
  const ref = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<echarts.ECharts | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const c = echarts.init(el);
    setChart(c);
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.dispose();
    };
  }, []);
  return { ref, chart };
}
