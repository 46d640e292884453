// 我的数据 (PIPL, docs/privacy.md): a consumer downloads everything Fangxin holds about them, reads
// who saw their personal data, and closes their account.
import { okSchema, page } from '../../../shared/schemas/common.js';
import { closeAccountSchema, dataAccessQuery, dataAccessSchema } from '../../../shared/schemas/privacy.js';
import { endpoint } from '../../http/endpoint.js';
import { sendPrivateFile } from '../../http/stream.js';
import { paginate } from '../../http/paginate.js';
import { DataAccessModel, type DataAccessRecord } from '../../models/DataAccess.js';
import { clearSessionCookie } from '../../auth/session.js';
import { closeAccount } from '../../privacy/close.js';
import { personalDataZip } from '../../privacy/download.js';
import { presentAccess } from '../../privacy/present.js';

const TAG = 'privacy';

export const privacyRoutes = () => [
  endpoint(
    {
      method: 'get',
      path: '/me/data.zip',
      summary: 'Everything Fangxin holds about me (a consumer): data.json and the evidence files, as one ZIP',
      tag: TAG,
      policy: 'privacy:download',
      rateLimit: 'expensive',
      raw: true,
    },
    async ({ actor, res }) =>
      sendPrivateFile(res, await personalDataZip(actor!), {
        contentType: 'application/zip',
        name: '放心-我的数据.zip',
        asciiName: 'fangxin-my-data.zip',
        download: true,
      }),
  ),
  endpoint(
    {
      method: 'get',
      path: '/me/data-access',
      summary: 'Who saw my personal data (merchants, officers): newest first, cursor-paged',
      tag: TAG,
      policy: 'privacy:access-log',
      query: dataAccessQuery,
      response: page(dataAccessSchema),
    },
    async ({ actor, query }) => {
      const result = await paginate(DataAccessModel, { consumerId: actor!.id }, query);
      return { items: result.items.map((r) => presentAccess(r as DataAccessRecord)), nextCursor: result.nextCursor };
    },
  ),
  endpoint(
    {
      method: 'post',
      path: '/me/close',
      summary: 'Close my account: personal data erased or pseudonymised, complaints kept without identity, sessions ended',
      tag: TAG,
      policy: 'privacy:close',
      body: closeAccountSchema,
      response: okSchema,
      status: 200,
    },
    async ({ actor, body, req, res }) => {
      await closeAccount(actor!, body.password);
      // This request's own session goes with the others (as at sign-out), so nothing saves it again.
      await new Promise<void>((resolve, reject) => req.logout((e) => (e ? reject(e) : resolve())));
      await new Promise<void>((resolve, reject) => req.session.destroy((e) => (e ? reject(e) : resolve())));
      clearSessionCookie(req, res);
      return { ok: true as const };
    },
  ),
];
