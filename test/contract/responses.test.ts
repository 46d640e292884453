// Every GET endpoint of the OpenAPI document, called as each role over a world where every kind of
// record exists, answers what its declared schema says: nothing missing, nothing mistyped, nothing
// undeclared. (Writes are held to the same check by the server itself outside production, in every
// test that makes them.)
import { expect } from 'chai';
import { contractIssues } from '../../shared/contract.js';
import { creditCodeCheckChar } from '../../shared/creditCode.js';
import { now } from '../../server/clock.js';
import { runExport } from '../../server/openData/export.js';
import { responseSchemas } from '../../server/http/endpoint.js';
import { invitationToken, invite } from '../helpers/accounts.js';
import { act, filing, fileVia } from '../helpers/complaints.js';
import type { ApiClient } from '../helpers/http.js';
import { ROLES, roleClients, routesOf, type Role, type Route } from '../helpers/openapi.js';
import { flagHangzhouHeater } from '../helpers/products.js';
import { plantRecall } from '../helpers/recalls.js';
import { plantFollowUp, plantIncident } from '../helpers/safety.js';
import { chainStores, product } from '../helpers/returns.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

const respond = {
  responseType: 'accepted',
  remedy: { type: 'refund', amountFen: 12900 },
  messageToConsumer: '同意退款',
  noteToRegulator: '内部说明',
};
const SAMPLING_CSV =
  '产品名称,类别,商品条码,品牌,型号,生产企业,批次,抽样日期,检验结果,不合格项目,抽查机关\n油汀取暖器,electric_heater,,暖居,YT-9,暖居电器有限公司,B2601,2026-01-08,不合格,表面温升,杭州市市场监督管理局\n';

/** The endpoints that answer files or CSV rather than JSON. */
const RAW = [
  '/complaints/export.csv',
  '/complaints/{id}/record.pdf',
  '/complaints/{id}/evidence.zip',
  '/analytics/export.csv',
  '/attachments/{id}',
  '/admin/outbox/{id}.eml',
  '/bulk-jobs/{id}/export.csv',
  '/open-data/exports/{day}/{file}',
  '/sampling-follow-ups/{id}/report-file',
  '/credit/contests/{id}/evidence',
  '/public/stores/{id}/qr.png',
  '/stores/{id}/poster.pdf',
  '/stores/{id}/poster.png',
  '/sampling-plan/export.csv',
  '/me/data.zip',
];

/** Query strings of the endpoints that need one, as a user would send them (the complaint above matches). */
const QUERIES: Record<string, string> = {
  '/complaints/search': `?q=${encodeURIComponent('热水壶 漏电')}`,
  '/incident-products': `?q=${encodeURIComponent('取暖器')}`,
  '/public/rankings': '?cityCode=3301&category=electric_heater',
};

function ok(r: { status: number; text: string }, what: string): void {
  expect(r.status, `${what}: ${r.text.slice(0, 300)}`).to.be.within(200, 299);
}

describe('response contract: every GET endpoint, every role, against its declared schema', function () {
  this.timeout(300_000);
  let srv: TestServer;
  let clients: Map<Role, ApiClient>;
  /** A real id for each path parameter, by the path it appears in. */
  const ids: Record<string, string> = {};

  before(async () => {
    const world = await freshWorld();
    srv = await startTestServer();
    clients = await roleClients(srv.url);
    const [consumer, merchant, regulator, admin] = (['consumer', 'merchant', 'regulator', 'admin'] as const).map((r) =>
      clients.get(r)!,
    ) as [ApiClient, ApiClient, ApiClient, ApiClient];
    const stores = chainStores(world);

    // A complaint answered, with a message (response, thread), and one withdrawn (outcome).
    const c = await fileVia(consumer, filing(world));
    ids['/complaints/{id}'] = c.id;
    ok(await act(merchant, c.id, 'respond', respond), 'respond');
    ok(await consumer.post(`/complaints/${c.id}/messages`, { body: '请尽快退款' }), 'message');
    // The bureau's side of it: an officer takes it (assignee, an assign event) and writes a note.
    const officerId = (await regulator.get('/auth/me')).body.user.id;
    ok(await regulator.post(`/complaints/${c.id}/assignment`, { assigneeId: officerId, expectedVersion: 2 }), 'assign');
    ok(await regulator.post(`/complaints/${c.id}/notes`, { body: '已联系商家' }), 'note');
    ids['/complaints/{id}/notes'] = c.id;
    // A saved view (counted from the ledger) and a finished bulk job with a skipped complaint.
    ok(await regulator.post('/saved-views', { name: '处理中', shared: true, filters: { status: 'open' } }), 'save view');
    const bulk = await regulator.post('/bulk-jobs', { action: 'accept', items: [{ id: c.id, version: 1 }] });
    ok(bulk, 'bulk job');
    ids['/bulk-jobs/{id}'] = bulk.body.id;
    // A template of the chain, filled for the answered complaint.
    const tpl = await merchant.post('/response-templates', { name: '致歉', body: '{consumerName}您好，{product} 的问题已处理。' });
    ok(tpl, 'template');
    ids['/response-templates/{id}/fill'] = tpl.body.id;
    QUERIES['/response-templates/{id}/fill'] = `?complaintId=${c.id}`;
    const w = await fileVia(consumer, filing(world));
    ok(await act(consumer, w.id, 'withdraw', { reason: '已私下解决' }), 'withdraw');

    // A flag on a planted product, a public case on it, and a sampling import.
    await flagHangzhouHeater(world, 'contract');
    const flag = (await regulator.get('/product-flags')).body.items[0];
    ids['/product-flags/{id}'] = flag.id;
    ids['/products/{id}'] = flag.productId;
    const opened = await regulator.post('/enforcement-cases', { flagId: flag.id, note: '立案' });
    ok(opened, 'open case');
    ids['/enforcement-cases/{id}'] = opened.body.id;
    ok(
      await regulator.post(`/enforcement-cases/${opened.body.id}/transitions`, {
        action: 'investigate',
        note: '调查',
        expectedVersion: 1,
        public: true,
        finding: '温升超标',
        measures: '责令下架',
      }),
      'investigate',
    );
    const form = new FormData();
    form.append('file', new Blob([SAMPLING_CSV]), 'results.csv');
    const job = await regulator.post('/sampling-results/import', form);
    ok(job, 'import');
    ids['/import-jobs/{id}'] = job.body.jobId;

    // A commitment and a covered return.
    const commitment = await merchant.post('/return-commitments', {
      scope: 'chain_province',
      windowDays: 7,
      conditions: '完好',
      refundWithinHours: 48,
    });
    ok(commitment, 'commitment');
    ids['/return-commitments/{id}'] = commitment.body.id;
    const ret = await consumer.post('/return-requests', {
      purchaseStoreId: stores.hzXihu,
      returnStoreId: stores.hzBinjiang,
      purchaseDate: new Date(now().getTime() - 86_400_000).toISOString(),
      amountFen: 10000,
      product: product(),
    });
    ok(ret, 'return');
    ids['/return-requests/{id}'] = ret.body.id;
    ids['/stores/{id}/badge'] = stores.hzXihu;
    ids['/public/stores/{id}'] = stores.hzXihu;
    ids['/merchants/{id}'] = String(world.chain._id);
    // A published recall that reached the demo consumer and the demo chain.
    const { recallId } = await plantRecall(world);
    for (const path of ['/public/recalls/{id}', '/recalls/{id}/reach', '/recalls/{id}/notice']) ids[path] = recallId;
    // A nightly open-data export, so its list and figures answer rows.
    await runExport(now());
    // An incident the demo chain reported in Hangzhou, and a Hangzhou follow-up it produced, reported on.
    ids['/incidents/{id}'] = await plantIncident(world);
    const followUp = await plantFollowUp(world, { status: 'reported', report: { text: '已整改', at: now() } });
    ids['/sampling-follow-ups/{id}'] = followUp;

    // The chain contests its complaint's place among its credit inputs (an open contest, with its file).
    const evidence = new FormData();
    evidence.set('complaintId', c.id);
    evidence.set('reason', '该商品非本店售出，附销售流水。');
    evidence.set('file', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')], { type: 'application/pdf' }), '流水.pdf');
    const contest = await merchant.post('/credit/contests', evidence);
    ok(contest, 'credit contest');
    ids['/credit/contests/{id}'] = contest.body.id;

    // A pending merchant to approve, and an invitation to read.
    const body = '91330106MA2C00001';
    const applicant = clients.get('signed out')!;
    ok(
      await applicant.post('/auth/register', {
        name: '契约商家',
        email: 'contract-merchant@example.com',
        password: 'long-enough-pw',
        role: 'merchant',
        merchant: { name: '契约商家', creditCode: body + creditCodeCheckChar(body), countyCode: '330106' },
      }),
      'register',
    );
    // Registering signed the applicant in: back to signed out for the walk.
    ok(await applicant.post('/auth/logout'), 'logout');
    await applicant.fetchCsrf();
    await invite(admin, { name: '契约专员', email: 'contract-officer@example.com', role: 'regulator', regionCode: '3301' });
    ids['/invitations/{token}'] = await invitationToken('contract-officer@example.com');
  });
  after(() => srv?.stop());

  it('answers each GET as its declared schema says, for every role the policy lets through', async () => {
    const doc = (await clients.get('signed out')!.get('/openapi.json')).body;
    // Files and CSV are not JSON: nothing to hold to a schema (the next test keeps that list closed).
    const routes = routesOf(doc).filter((r) => r.method === 'get' && !RAW.includes(r.path));
    const failures: string[] = [];
    const answered = new Map<Route, Role[]>();
    for (const r of routes) {
      const path =
        r.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
          const enumValue = r.params.find((p) => p.name === name)?.schema?.enum?.[0];
          return enumValue !== undefined ? String(enumValue) : (ids[r.path] ?? `missing-${name}`);
        }) + (QUERIES[r.path] ?? '');
      const schema = responseSchemas.get(`GET /api${r.path}`);
      for (const role of ROLES) {
        const res = await clients.get(role)!.get(path);
        // Turned away by the policy, or the record is outside this role's visibility.
        if (res.status === 401 || res.status === 403 || res.status === 404) continue;
        if (res.status >= 300) {
          failures.push(`${role} GET ${path}: ${res.status} ${res.text.slice(0, 200)}`);
          continue;
        }
        answered.set(r, [...(answered.get(r) ?? []), role]);
        const json = (res.headers.get('content-type') ?? '').startsWith('application/json');
        if (!json) continue;
        if (!schema) {
          failures.push(`GET ${r.path}: answers JSON with no declared response schema`);
          continue;
        }
        for (const issue of contractIssues(schema, res.body)) failures.push(`${role} GET ${path}: ${issue}`);
      }
    }
    const unanswered = routes.filter((r) => !answered.has(r)).map((r) => r.path);
    console.log(`      ${routes.length} GET endpoints, ${[...answered.values()].flat().length} role × endpoint answers checked`);
    expect(unanswered, 'GET endpoints no role could call').to.deep.equal([]);
    expect(failures, failures.slice(0, 40).join('\n')).to.deep.equal([]);
  });

  it('declares a response schema for every JSON endpoint in the document', async () => {
    const doc = (await clients.get('signed out')!.get('/openapi.json')).body;
    const undeclared = routesOf(doc)
      .filter((r) => !RAW.includes(r.path) && !responseSchemas.has(`${r.method.toUpperCase()} /api${r.path}`))
      .map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(undeclared).to.deep.equal([]);
  });
});
