import { notFound, conflict } from '../http/errors.js';
import { OrganizationModel } from '../models/Organization.js';
import { UserModel } from '../models/User.js';
import { canSee, type Actor } from '../policies/index.js';

/** Approves or rejects a pending merchant account and its organization. */
export async function decideApproval(actor: Actor, userId: string, decision: 'approve' | 'reject') {
  const user = await UserModel.findById(userId).lean();
  const org = user?.orgId ? await OrganizationModel.findById(user.orgId).lean() : null;
  if (!user || !org || user.role !== 'merchant' || !canSee(actor, { countyCode: org.regionCode })) throw notFound('Pending account');
  if (user.status !== 'pending') throw conflict('invalid_transition', `This account is already ${user.status}`);
  const status = decision === 'approve' ? 'active' : 'rejected';
  await OrganizationModel.updateOne({ _id: org._id, status: 'pending' }, { $set: { status } });
  await UserModel.updateOne({ _id: user._id }, { $set: { status } });
  return { id: userId, status };
}
