import { defineMessages } from '../../i18n/messages';

export const messages = defineMessages({
  'zh-CN': {
    overview: {
      title: '监管看板',
      description: '辖区投诉热点（地区 × 品类 × 周）、趋势、源头化解率、按时答复率、办结时长和满意度。',
      emptyTitle: '看板即将上线',
      emptyHint: '将展示浙江地图热点、重点商家和产品排行，并支持导出 CSV。',
    },
  },
  en: {
    overview: {
      title: 'Dashboard',
      description:
        'Complaint hotspots by region, category and week, trends, source-resolution and timely-response rates, time to close and satisfaction.',
      emptyTitle: 'The dashboard is coming soon',
      emptyHint: 'It will show a hotspot map of Zhejiang, top merchants and products, and CSV export.',
    },
  },
});
