// A store's public page, its QR code and its printable poster (PDF and PNG).
import { idParam } from '../../../shared/schemas/common.js';
import { posterQuery, publicStoreSchema } from '../../../shared/schemas/posters.js';
import { notFound } from '../../http/errors.js';
import { endpoint } from '../../http/endpoint.js';
import { pipeTo } from '../../http/stream.js';
import { seesOwnStore } from '../../policies/stores.js';
import { posterPdf, posterPng, qrPng, storePageUrl } from '../../posters/poster.js';
import { loadStore, publicStore } from '../../posters/storePage.js';

const TAG = 'posters';

/** `download=1` saves the file; otherwise the browser shows it (a print preview, an <img>). */
const disposition = (download: string | undefined, name: string) =>
  `${download === '1' ? 'attachment' : 'inline'}; filename="poster.${name.split('.').at(-1)}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export const posterRoutes = () => [
  endpoint(
    {
      method: 'get',
      path: '/public/stores/:id',
      summary: "A store's public page: its merchant's tier, the active return commitments covering it, its figures; no sign-in",
      tag: TAG,
      policy: 'public:stores',
      params: idParam,
      response: publicStoreSchema,
    },
    async ({ params }) => publicStore(await loadStore(params.id)),
  ),
  endpoint(
    {
      method: 'get',
      path: '/public/stores/:id/qr.png',
      summary: "The store's QR code (PNG), holding the address of its public page",
      tag: TAG,
      policy: 'public:stores',
      rateLimit: 'expensive',
      params: idParam,
      raw: true,
    },
    async ({ params, res }) => {
      const s = await loadStore(params.id);
      res.setHeader('content-type', 'image/png');
      res.setHeader('cache-control', 'public, max-age=3600');
      res.end(await qrPng(storePageUrl(String(s._id))));
    },
  ),
  ...(['pdf', 'png'] as const).map((kind) =>
    endpoint(
      {
        method: 'get',
        path: `/stores/:id/poster.${kind}`,
        summary: `The store's printable A4 poster as ${kind.toUpperCase()}, in Chinese: QR code, 放心消费承诺 badge when committed (its merchant)`,
        tag: TAG,
        policy: 'store:poster',
        rateLimit: 'expensive',
        params: idParam,
        query: posterQuery,
        raw: true,
      },
      async ({ actor, params, query, res }) => {
        const s = await loadStore(params.id);
        if (!seesOwnStore(actor, s)) throw notFound('Store');
        const page = await publicStore(s);
        res.setHeader('content-type', kind === 'pdf' ? 'application/pdf' : 'image/png');
        res.setHeader('content-disposition', disposition(query.download, `放心消费海报-${s.name}.${kind}`));
        res.setHeader('cache-control', 'private, no-store');
        if (kind === 'pdf') await pipeTo(await posterPdf(page), res);
        else res.end(await posterPng(page));
      },
    ),
  ),
];
