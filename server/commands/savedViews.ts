// Saving, listing and deleting queue views (shared/schemas/savedViews.ts). A name is unique per owner
// (a unique index, so two saves of one name at once give one view and a 409).
import { SAVED_VIEW_LIMIT, type SavedViewInput } from '../../shared/schemas/savedViews.js';
import { now } from '../clock.js';
import { conflict, forbidden, notFound, unprocessable } from '../http/errors.js';
import { SavedViewModel, type SavedViewRecord } from '../models/SavedView.js';
import { UserModel } from '../models/User.js';
import type { Actor } from '../policies/index.js';
import { checkComplaintRegionFilter, seesView } from '../policies/complaints.js';
import { firstWriter } from '../db/firstWriter.js';

const userAud = (id: unknown) => `user:${String(id)}`;
const orgAud = (id: unknown) => `org:${String(id)}`;

/** The viewer's own views and those shared with the viewer's bureau (two equality reads), oldest first. */
export async function listViews(actor: Actor): Promise<SavedViewRecord[]> {
  const [own, shared] = await Promise.all([
    SavedViewModel.find({ aud: userAud(actor.id) })
      .limit(SAVED_VIEW_LIMIT)
      .lean(),
    actor.orgId
      ? SavedViewModel.find({ aud: orgAud(actor.orgId) })
          .limit(100)
          .lean()
      : [],
  ]);
  const byId = new Map([...own, ...shared].map((v) => [String(v._id), v as SavedViewRecord]));
  return [...byId.values()].sort((a, b) => String(a._id).localeCompare(String(b._id)));
}

export async function saveView(actor: Actor, input: SavedViewInput): Promise<SavedViewRecord> {
  checkComplaintRegionFilter(actor, input.filters.countyCode);
  if ((await SavedViewModel.countDocuments({ aud: userAud(actor.id) })) >= SAVED_VIEW_LIMIT)
    throw unprocessable('too_many_views', `At most ${SAVED_VIEW_LIMIT} saved views per user`);
  const owner = await UserModel.findById(actor.id, { name: 1 }).lean();
  const shared = input.shared && !!actor.orgId;
  const v = new SavedViewModel({
    ownerId: actor.id,
    ownerName: owner?.name ?? '',
    ...(actor.orgId ? { orgId: actor.orgId } : {}),
    name: input.name,
    shared,
    aud: [userAud(actor.id), ...(shared ? [orgAud(actor.orgId)] : [])],
    filters: input.filters,
    createdAt: now(),
  });
  if (!(await firstWriter(v.save()))) throw conflict('duplicate_name', 'You already have a view of this name');
  return v.toObject() as SavedViewRecord;
}

export async function deleteView(actor: Actor, id: string): Promise<void> {
  const v = await SavedViewModel.findById(id).lean();
  if (!v || !seesView(actor, v)) throw notFound('View');
  if (String(v.ownerId) !== actor.id) throw forbidden('Only the officer who saved a view deletes it');
  await SavedViewModel.deleteOne({ _id: v._id });
}
