import { approvalResult, approvalSchema, pendingMerchantList } from '../../../shared/schemas/auth.js';
import { idParam } from '../../../shared/schemas/common.js';
import { decideApproval } from '../../commands/decideApproval.js';
import { endpoint } from '../../http/endpoint.js';
import { OrganizationModel } from '../../models/Organization.js';
import { UserModel } from '../../models/User.js';
import { canSee } from '../../policies/index.js';

export const approvalRoutes = () => [
  endpoint(
    {
      method: 'get',
      path: '/approvals',
      summary: 'Merchant accounts waiting for approval',
      tag: 'accounts',
      policy: 'approval:list',
      response: pendingMerchantList,
    },
    async ({ actor }) => {
      const users = await UserModel.find({ role: 'merchant', status: 'pending' }).sort({ createdAt: 1 }).limit(200).lean();
      const orgs = await OrganizationModel.find({ _id: { $in: users.map((u) => u.orgId) } }).lean();
      const byId = new Map(orgs.map((o) => [String(o._id), o]));
      const items = users.flatMap((u) => {
        const org = byId.get(String(u.orgId));
        if (!org || !canSee(actor, { countyCode: org.regionCode })) return [];
        return [
          {
            id: String(u._id),
            name: u.name,
            email: u.email,
            createdAt: (u as { createdAt?: Date }).createdAt?.toISOString() ?? '',
            merchant: { id: String(org._id), name: org.name, creditCode: org.creditCode ?? '', regionCode: org.regionCode },
          },
        ];
      });
      return { items };
    },
  ),
  endpoint(
    {
      method: 'post',
      path: '/approvals/:id',
      summary: 'Approve or reject a merchant account',
      tag: 'accounts',
      policy: 'approval:decide',
      params: idParam,
      body: approvalSchema,
      response: approvalResult,
      status: 200,
    },
    ({ actor, params, body }) => decideApproval(actor!, params.id, body.decision, body.reason),
  ),
];
