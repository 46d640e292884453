// New and escalated flags reach the bureaus concerned: live in their region rooms, and by mail
// through the outbox (one mail per flag, level and regulator: the outbox key makes it idempotent).
import type { ServerEventPayload } from '../../shared/realtime.js';
import { regionChain } from '../../shared/regions.js';
import { publicUrl } from '../config.js';
import { flagMailText } from '../mail/templates.js';
import { enqueueMail } from '../mail/outbox.js';
import { UserModel } from '../models/User.js';
import { emitTo, regionRooms } from '../realtime/emit.js';

interface FlagLike {
  _id: unknown;
  product: ServerEventPayload<'flag:raised'>['product'];
  score: number;
  rules: string[];
  regionCodes: string[];
  evidence: unknown;
  notified?: unknown;
}

export async function announceFlag(flag: FlagLike, isNew: boolean): Promise<void> {
  const rooms = [...new Set(flag.regionCodes.flatMap(regionRooms))];
  emitTo(rooms, 'flag:raised', { id: String(flag._id), product: flag.product, score: flag.score });
  const regions = [...new Set(flag.regionCodes.flatMap(regionChain))];
  const regulators = await UserModel.find({ role: 'regulator', status: 'active', regionCode: { $in: regions } }, { email: 1 }).lean();
  const p = flag.product as { name: string; brand?: string | null; model?: string | null };
  const what = [p.brand, p.model].filter(Boolean).join(' ') || p.name;
  const level = `${flag.rules.slice().sort().join('+')}:${Math.floor(flag.score)}`;
  for (const u of regulators) {
    await enqueueMail({
      key: `flag:${String(flag._id)}:${level}`,
      userId: u._id,
      to: u.email,
      subject: `${isNew ? '问题产品预警' : '问题产品预警升级'}：${what}`,
      text: flagMailText({
        isNew,
        productName: p.name,
        what,
        rules: flag.rules,
        score: flag.score,
        regionCodes: flag.regionCodes,
        link: `${publicUrl()}/flags/${String(flag._id)}`,
      }),
    });
  }
}
