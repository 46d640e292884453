import { defineMessages } from '../../i18n/messages';

export const messages = defineMessages({
  'zh-CN': {
    list: {
      title: '用户',
      description: '平台上的消费者、商家、监管人员和管理员账号。',
      emptyTitle: '用户管理即将上线',
      emptyHint: '批量模板化投诉的账号会进入监管复核，不会被自动封禁。',
    },
  },
  en: {
    list: {
      title: 'Users',
      description: 'Consumer, merchant, regulator and administrator accounts on the platform.',
      emptyTitle: 'User management is coming soon',
      emptyHint: 'Accounts filing many templated complaints are queued for regulator review, never blocked automatically.',
    },
  },
});
