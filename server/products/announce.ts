// New and escalated flags reach the bureaus concerned: live in their region rooms (the flag lists
// update), and through the fan-out (in-app, mail), once per flag, level and regulator.
import type { ServerEventPayload } from '../../shared/realtime.js';
import { flagMailText, flagNotice } from '../mail/templates.js';
import { fanOut } from '../notifications/fanout.js';
import { bureaus } from '../notifications/recipients.js';
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
  const p = flag.product as { name: string; brand?: string | null; model?: string | null };
  const text = {
    isNew,
    productName: p.name,
    what: [p.brand, p.model].filter(Boolean).join(' ') || p.name,
    rules: flag.rules,
    score: flag.score,
    regionCodes: flag.regionCodes,
  };
  await fanOut({
    cause: `flag:${String(flag._id)}:${flag.rules.slice().sort().join('+')}:${Math.floor(flag.score)}`,
    kind: isNew ? 'flag_raised' : 'flag_escalated',
    to: [bureaus(flag.regionCodes, { province: true })],
    notice: flagNotice(text),
    link: `/flags/${String(flag._id)}`,
    mail: (url) => flagMailText({ ...text, link: url }),
  });
}
