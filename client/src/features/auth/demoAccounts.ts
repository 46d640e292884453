/** The accounts seeded by `npm run seed` (see API.md); `labelKey` is in the auth namespace. */
export const DEMO_PASSWORD = 'Fangxin-Demo-2026';

export const DEMO_ACCOUNTS = [
  { email: 'admin@demo.fangxin.cn', labelKey: 'demo.admin' },
  { email: 'consumer@demo.fangxin.cn', labelKey: 'demo.consumer' },
  { email: 'merchant@demo.fangxin.cn', labelKey: 'demo.merchant' },
  { email: 'shop@demo.fangxin.cn', labelKey: 'demo.shop' },
  { email: 'regulator.hz@demo.fangxin.cn', labelKey: 'demo.regulatorHz' },
  { email: 'regulator.yw@demo.fangxin.cn', labelKey: 'demo.regulatorYw' },
  { email: 'regulator.zj@demo.fangxin.cn', labelKey: 'demo.regulatorZj' },
] as const;
