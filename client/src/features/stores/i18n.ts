import { defineMessages } from '../../i18n/messages';

export const messages = defineMessages({
  'zh-CN': {
    list: {
      title: '门店',
      description: '您的门店及其所在区县。投诉按购买门店所在区县分派给当地市场监管部门。',
      emptyTitle: '暂无门店',
      emptyHint: '门店管理即将上线，届时可添加门店地址和所属区县。',
    },
  },
  en: {
    list: {
      title: 'Stores',
      description: 'Your stores and their counties. Complaints go to the market regulator of the store’s county.',
      emptyTitle: 'No stores yet',
      emptyHint: 'Store management is coming soon: add each store’s address and county.',
    },
  },
});
