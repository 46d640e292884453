import { expect } from 'chai';
import iconv from 'iconv-lite';
import { ApiClient, DEMO, connected, signedIn } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';
import { SamplingResultModel } from '../../server/models/SamplingResult.js';
import { gtinCheckDigit } from '../../shared/gtin.js';

const GTIN = '690765400033' + gtinCheckDigit('690765400033');
const HEADER = '产品名称,类别,商品条码,品牌,型号,生产企业,批次,抽样日期,检验结果,不合格项目,抽查机关';
const GOOD1 = `嵌入式燃气灶,gas_appliance,${GTIN},明火,JZT-2B,宁波明火厨具有限公司,20250312,2025-04-18,不合格,熄火保护装置；气密性,浙江省市场监督管理局`;
const GOOD2 = `嵌入式燃气灶,gas_appliance,${GTIN},明火,JZT-2B,宁波明火厨具有限公司,20260108,2026/2/26,不合格,熄火保护装置,杭州市市场监督管理局`;
const PASSED = '灭火器,fire_safety,,安家,MFZ-4,台州安家消防器材有限公司,AJ2512,2026-03-20,合格,,杭州市市场监督管理局';
const BAD_DATE = '电暖器,electric_heater,,暖家,NJ-1,宁波暖居电器,B9,2026-13-45,合格,,杭州市市场监督管理局';
const BAD_RESULT = '电暖器,electric_heater,,暖家,NJ-1,宁波暖居电器,B9,2026-03-01,也许,,杭州市市场监督管理局';
const NO_PRODUCER = '电暖器,electric_heater,,暖家,NJ-1,,B9,2026-03-01,合格,,杭州市市场监督管理局';

async function importCsv(c: ApiClient, body: Buffer | string, name = 'results.csv') {
  const form = new FormData();
  form.append('file', new Blob([typeof body === 'string' ? body : new Uint8Array(body)]), name);
  return c.post('/sampling-results/import', form);
}

async function finished(c: ApiClient, jobId: string) {
  for (let i = 0; i < 100; i++) {
    const r = await c.get(`/import-jobs/${jobId}`);
    if (r.body.status === 'done' || r.body.status === 'failed') return r.body;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error('import did not finish');
}

describe('sampling result import', () => {
  let srv: TestServer;
  let hz: ApiClient;
  before(async () => {
    await freshWorld();
    srv = await startTestServer();
    hz = await signedIn(srv.url, DEMO.regulatorHz);
  });
  after(() => srv.stop());

  it('keeps good lines, reports bad ones by line number, pushes progress, and flags two failures', async () => {
    const socket = hz.socket();
    await connected(socket);
    const progress: { done: number; total: number; status?: string }[] = [];
    socket.on('import:progress', (p) => progress.push(p));
    const csv = [HEADER, GOOD1, BAD_DATE, GOOD2, BAD_RESULT, PASSED, NO_PRODUCER, GOOD1].join('\n');
    const r = await importCsv(hz, csv);
    expect(r.status, r.text).to.equal(202);
    const job = await finished(hz, r.body.jobId);
    expect(job).to.include({ status: 'done', total: 7, done: 7, inserted: 3, duplicates: 1 });
    expect(job.errors.map((e: { line: number }) => e.line)).to.deep.equal([3, 5, 7]);
    expect(job.errors[0].message).to.match(/date/);
    expect(job.errors[1].message).to.match(/result/);
    expect(job.errors[2].message).to.match(/producer/);
    // Codes and fields, so the page names each problem in the reader's language.
    expect(job.errors.map((e: { code: string; field: string }) => [e.code, e.field])).to.deep.equal([
      ['invalid', 'date'],
      ['invalid', 'result'],
      ['required', 'producer'],
    ]);
    await new Promise((res) => setTimeout(res, 100));
    expect(progress.at(-1)).to.include({ done: 7, total: 7, status: 'done' });
    socket.close();
    const flags = await hz.get('/product-flags');
    expect(flags.body.items).to.have.length(1);
    expect(flags.body.items[0].rules).to.deep.equal(['sampling']);
    expect(flags.body.items[0].evidence.samplingFailures).to.equal(2);
    expect(flags.body.items[0].product.gtin).to.equal(GTIN);
  });

  it('adds nothing when the same file is imported again', async () => {
    const before = await SamplingResultModel.countDocuments();
    const csv = [HEADER, GOOD1, BAD_DATE, GOOD2, BAD_RESULT, PASSED, NO_PRODUCER, GOOD1].join('\n');
    const job = await finished(hz, (await importCsv(hz, csv)).body.jobId);
    expect(job).to.include({ inserted: 0, duplicates: 4 });
    expect(await SamplingResultModel.countDocuments()).to.equal(before);
  });

  it('reads a GB18030 file with English headers and a UTF-8 BOM file alike', async () => {
    const gb = iconv.encode(
      [
        'Product,Category,Brand,Model,Producer,Batch,Date,Result,Failed items,Authority',
        '儿童电动玩具车,toy,童乐,TL-8,汕头童乐玩具厂,TL2511,2026-01-15,不合格,小零件；电池仓,杭州市市场监督管理局',
      ].join('\r\n'),
      'gb18030',
    );
    const job = await finished(hz, (await importCsv(hz, gb)).body.jobId);
    expect(job).to.include({ status: 'done', inserted: 1 });
    const row = await SamplingResultModel.findOne({ batch: 'TL2511' }).lean();
    expect(row).to.include({ productName: '儿童电动玩具车', producer: '汕头童乐玩具厂', passed: false });
    expect(row!.failedItems).to.deep.equal(['小零件', '电池仓']);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([HEADER, PASSED.replace('AJ2512', 'AJ2601')].join('\n'))]);
    expect(await finished(hz, (await importCsv(hz, bom)).body.jobId)).to.include({ inserted: 1 });
  });

  it('fails a file without the required columns, and refuses no file, others and consumers', async () => {
    const job = await finished(hz, (await importCsv(hz, 'foo,bar\n1,2\n')).body.jobId);
    expect(job.status).to.equal('failed');
    expect(job.errors[0].message).to.match(/missing columns/);
    expect(job.errors[0].code).to.equal('missing_columns');
    const none = await hz.post('/sampling-results/import', new FormData());
    expect(none.status).to.equal(400);
    const consumer = await signedIn(srv.url, DEMO.consumer);
    expect((await importCsv(consumer, HEADER)).status).to.equal(403);
    const yw = await signedIn(srv.url, DEMO.regulatorYw);
    expect((await yw.get(`/import-jobs/${job.id}`)).status).to.equal(404);
    expect((await yw.get('/product-flags')).body.items).to.deep.equal([]);
    expect((await new ApiClient(srv.url).get(`/import-jobs/${job.id}`)).status).to.equal(401);
  });

  it('refuses a row for a region outside the importer’s jurisdiction', async () => {
    const csv = ['产品名称,生产企业,批次,抽样日期,检验结果,抽查机关,地区代码', '电水壶,某厂,K1,2026-03-01,合格,杭州市局,330782'].join('\n');
    const job = await finished(hz, (await importCsv(hz, csv)).body.jobId);
    expect(job.inserted).to.equal(0);
    expect(job.errors[0]).to.include({ line: 2 });
    expect(job.errors[0].message).to.match(/jurisdiction/);
    expect(job.errors[0]).to.include({ code: 'outside_jurisdiction', field: 'region' });
  });
});
