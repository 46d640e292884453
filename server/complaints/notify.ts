// Whoever a complaint event concerns hears of it through the fan-out (in-app, live, mail), once per
// (event key, account). The audiences name the complaint's parties; the recipient rules find them.
import type mongoose from 'mongoose';
import { notice } from '../mail/templates.js';
import { fanOut, recipientsOf } from '../notifications/fanout.js';
import { bureaus, merchantStaff, person, type RecipientRule } from '../notifications/recipients.js';

export type Audience = 'consumer' | 'merchant' | 'regulators';

interface Target {
  _id: mongoose.Types.ObjectId | string;
  number: string;
  consumerId: unknown;
  merchantId: unknown;
  storeId: unknown;
  merchantName?: string;
  regulatorRegion: string;
  priority: string;
  product?: { name?: string } | null;
}

function rules(c: Target, audiences: Audience[]): RecipientRule[] {
  return audiences.map((a) =>
    a === 'consumer'
      ? person(c.consumerId)
      : a === 'merchant'
        ? merchantStaff(c.merchantId, [c.storeId])
        : // The county and city bureaus; the province only for urgent complaints (it sees all, hears of few).
          bureaus([c.regulatorRegion], { province: c.priority === 'urgent' }),
  );
}

export const recipients = (c: Target, audiences: Audience[]) => recipientsOf(rules(c, audiences));

/** Notifies the audiences of a complaint about one event (`key` names the event, e.g. `<id>:3`). */
export async function notifyComplaint(
  c: Target,
  key: string,
  kind: string,
  audiences: Audience[],
  extra: Record<string, string> = {},
): Promise<number> {
  return fanOut({
    cause: key,
    kind,
    to: rules(c, audiences),
    notice: notice(kind, { number: c.number, productName: c.product?.name, merchantName: c.merchantName }, extra),
    link: `/complaints/${c._id}`,
    complaintId: c._id,
  });
}
