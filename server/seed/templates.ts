// Demo response templates: a few for the chain's service desk, the Yiwu shop and each demo bureau,
// saved through the real command, so 答复模板 and every form's "insert template" have something to offer.
import { createTemplate } from '../commands/responseTemplates.js';
import { toActor } from '../policies/actor.js';
import type { DemoWorld, Seeder } from './registry.js';

const MERCHANT = [
  {
    name: '退款致歉',
    body: '{consumerName}您好：关于投诉 {number}（{product}），{merchant} 深表歉意，已为您办理全额退款，款项将原路退回。',
  },
  { name: '换货安排', body: '{consumerName}您好：您购买的 {product} 我们将为您免费更换，请携带购物凭证到任一门店办理。' },
  { name: '非本店售出', body: '您好：经核查，投诉 {number} 所涉 {product} 并非 {merchant} 售出，请核对购买门店。' },
];
const BUREAU = [
  { name: '受理告知', body: '{consumerName}：您的投诉 {number} 已由本局受理，我们将组织调解，请保持电话畅通。' },
  { name: '补正材料', body: '投诉 {number} 缺少购买凭证，请于 {deadline} 前补充上传，逾期将依法不予受理。' },
];

const OWNERS: [string, typeof MERCHANT][] = [
  ['merchant@demo.fangxin.cn', MERCHANT],
  ['shop@demo.fangxin.cn', MERCHANT.slice(0, 2)],
  ['regulator.hz@demo.fangxin.cn', BUREAU],
  ['regulator.yw@demo.fangxin.cn', BUREAU],
  ['regulator.zj@demo.fangxin.cn', BUREAU],
];

async function seedTemplates(world: DemoWorld): Promise<void> {
  for (const [email, list] of OWNERS) {
    const user = world.users.get(email);
    if (!user) continue;
    for (const t of list) await createTemplate(toActor(user as never), t);
  }
}

// They need nothing of the other seeders, so they go with the first.
export const templateSeeder: Seeder = { name: 'response templates', order: 10, run: seedTemplates };
