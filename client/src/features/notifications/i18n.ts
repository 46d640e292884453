import { defineMessages } from '../../i18n/messages';

export const messages = defineMessages({
  'zh-CN': {
    bell: '通知',
    unread: '{{count}} 条未读',
    title: '通知',
    markAll: '全部标为已读',
    empty: '暂无通知。',
    loadFailed: '无法加载通知：{{message}}',
  },
  en: {
    bell: 'Notifications',
    unread: '{{count}} unread',
    title: 'Notifications',
    markAll: 'Mark all read',
    empty: 'No notifications yet.',
    loadFailed: 'Could not load notifications: {{message}}',
  },
});
