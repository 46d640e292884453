// Whoever a complaint event concerns hears of it through the fan-out (in-app, live, mail), once per
// (event key, account). The audiences name the complaint's parties; the recipient rules find them.
import type mongoose from 'mongoose';
import { notice } from '../mail/templates.js';
import { fanOut, fanOutAll, recipientsOf, type FanOut } from '../notifications/fanout.js';
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

/** One notice of a complaint event: its kind, who hears it, and the notice's extra fields. */
export type ComplaintNotice = [kind: string, audiences: Audience[], extra?: Record<string, string>];

/** The fan-out of one notice of a complaint event (several events' fan-outs may go in one `fanOutAll`). */
export const fanOutOf = (c: Target, key: string, [kind, audiences, extra = {}]: ComplaintNotice): FanOut => ({
  cause: key,
  kind,
  to: rules(c, audiences),
  notice: notice(kind, { number: c.number, productName: c.product?.name, merchantName: c.merchantName }, extra),
  link: `/complaints/${c._id}`,
  complaintId: c._id,
});

/** Notifies the audiences of a complaint about one event (`key` names the event, e.g. `<id>:3`). */
export async function notifyComplaint(
  c: Target,
  key: string,
  kind: string,
  audiences: Audience[],
  extra: Record<string, string> = {},
): Promise<number> {
  return fanOut(fanOutOf(c, key, [kind, audiences, extra]));
}

/** Every notice of one event in one fan-out (one insert per collection); an account hears the first that names it. */
export async function notifyComplaintAll(
  c: Target,
  key: string,
  notices: ComplaintNotice[],
  opts: { fresh?: boolean } = {},
): Promise<number> {
  return fanOutAll(
    notices.map((n) => fanOutOf(c, key, n)),
    opts,
  );
}
