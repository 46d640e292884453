import { defineMessages } from '../../i18n/messages';

export const messages = defineMessages({
  'zh-CN': {
    title: '商家排名',
    description:
      '按城市和品类，以近 6 个月每家门店的投诉数排名，越少越靠前。只排投诉达到 {{min}} 件的商家：投诉太少的商家不足以比较，只计数不排名。无需登录。',
    city: '城市',
    category: '品类',
    rank: '名次',
    merchant: '商家',
    complaints: '投诉',
    stores: '本市门店',
    perStore: '每店投诉',
    count: '{{count}} 家商家参与排名，自 {{from}} 起',
    below: '另有 {{count}} 家商家投诉不足 {{min}} 件，未排名。',
    emptyTitle: '暂无可排名的商家',
    emptyHint: '此城市此品类没有投诉达到 {{min}} 件的商家。',
  },
  en: {
    title: 'Merchant rankings',
    description:
      'Per city and category, by complaints per store over the last 6 months, fewest first. Only merchants with at least {{min}} complaints are ranked: fewer say too little to compare, so they are counted, not ranked. No sign-in needed.',
    city: 'City',
    category: 'Category',
    rank: 'Rank',
    merchant: 'Merchant',
    complaints: 'Complaints',
    stores: 'Stores in the city',
    perStore: 'Complaints per store',
    count: '{{count}} merchants ranked, since {{from}}',
    below: '{{count}} more merchants have fewer than {{min}} complaints and are not ranked.',
    emptyTitle: 'No merchant to rank',
    emptyHint: 'No merchant has {{min}} or more complaints in this city and category.',
  },
});
