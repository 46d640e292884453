import { z } from 'zod';
import { ROLES } from '../../../shared/enums.js';
import { endpoint } from '../../http/endpoint.js';
import { paginate } from '../../http/paginate.js';
import { UserModel } from '../../models/User.js';
import { presentUser } from '../../presenters/user.js';

const userListQuery = z.object({
  role: z.enum(ROLES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});

export const userRoutes = () => [
  endpoint({ method: 'get', path: '/users', summary: 'All accounts (admin)', tag: 'accounts', policy: 'user:list', query: userListQuery }, async ({ query }) => {
    const p = await paginate(UserModel, query.role ? { role: query.role } : {}, query);
    return { items: p.items.map((u) => presentUser(u)), nextCursor: p.nextCursor };
  }),
];
