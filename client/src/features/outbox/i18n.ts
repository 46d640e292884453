import { defineMessages } from '../../i18n/messages';

export const messages = defineMessages({
  'zh-CN': {
    list: {
      title: '发件箱',
      description: '平台发出的邮件。未配置 SMTP 时，邮件保存在这里供查看。',
      emptyTitle: '暂无邮件',
      emptyHint: '投诉提醒、审核结果等通知邮件会出现在这里。',
    },
  },
  en: {
    list: {
      title: 'Outbox',
      description: 'Mail sent by the platform. Without SMTP configured, messages are kept here to read.',
      emptyTitle: 'No mail yet',
      emptyHint: 'Complaint reminders, approval decisions and other notices appear here.',
    },
  },
});
