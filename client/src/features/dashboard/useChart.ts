// One ECharts instance per element for the component's life, resized with its box.
import { useEffect, useRef, useState } from 'react';
import * as echarts from 'echarts/core';

/**
 * The chart is handed out only once its element has a size, and resized only while it has one: a map
 * laid out in a zero-sized box (a panel still loading, a page being left) has a singular transform,
 * and ECharts threw "Cannot read properties of null" from its geo resize on every filter change.
 */
export function useChart(renderer: 'canvas' | 'svg' = 'canvas') {
  const ref = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<echarts.ECharts | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const c = echarts.init(el, undefined, { renderer });
    let ready = false;
    const observer = new ResizeObserver(([entry]) => {
      const box = entry?.contentRect;
      if (c.isDisposed() || !box || box.width === 0 || box.height === 0 || !el.isConnected) return;
      c.resize();
      if (!ready) {
        ready = true;
        setChart(c);
      }
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.dispose();
    };
    // The renderer is the component's for its life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return { ref, chart };
}
