// The printable record and the evidence ZIP, read back with a PDF text extractor and a ZIP reader: the
// record holds the number, the timeline's outcome and the mediation agreement, the consumer's name only
// for those who may see it; the ZIP holds every evidence file byte for byte.
import { expect } from 'chai';
import { act, filing, fileVia } from '../helpers/complaints.js';
import { download, pdfText, zipEntries } from '../helpers/download.js';
import { DEMO, signedIn, type ApiClient } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const AGREEMENT = '经调解，商家于三个工作日内退还货款一百二十九元，消费者退回商品。';

describe('printable record (PDF) and evidence (ZIP)', function () {
  this.timeout(120_000);
  let srv: TestServer;
  let consumer: ApiClient;
  let merchant: ApiClient;
  let hz: ApiClient;
  let yw: ApiClient;
  let complaint: { id: string; number: string };

  before(async () => {
    const world = await freshWorld();
    srv = await startTestServer();
    consumer = await signedIn(srv.url, DEMO.consumer);
    merchant = await signedIn(srv.url, DEMO.merchant);
    hz = await signedIn(srv.url, DEMO.regulatorHz);
    yw = await signedIn(srv.url, DEMO.regulatorYw);
    complaint = await fileVia(consumer, filing(world, '330106', { contactAgreement: false }));
    for (const [bytes, name, type] of [
      [PNG, '插座照片.png', 'image/png'],
      [PNG, '插座照片.png', 'image/png'],
      [PDF, '发票.pdf', 'application/pdf'],
    ] as const) {
      const form = new FormData();
      form.append('file', new Blob([bytes], { type }), name);
      expect((await consumer.post(`/complaints/${complaint.id}/attachments`, form)).status).to.equal(201);
    }
    expect((await consumer.post(`/complaints/${complaint.id}/messages`, { body: '请尽快处理，插座已经烧黑。' })).status).to.equal(201);
    const steps: [ApiClient, string, Record<string, unknown>][] = [
      [merchant, 'respond', { responseType: 'rejected', messageToConsumer: '产品无质量问题', noteToRegulator: '已检测' }],
      [consumer, 'reject_response', { reason: '不同意' }],
      [hz, 'accept', {}],
      [hz, 'mediation_succeeded', { agreement: AGREEMENT }],
    ];
    for (const [who, action, extra] of steps) expect((await act(who, complaint.id, action, extra)).status, action).to.equal(200);
  });
  after(() => srv.stop());

  it('prints the record in Chinese with the number, the outcome and the mediation agreement', async () => {
    const r = await download(srv, hz, `/complaints/${complaint.id}/record.pdf`);
    expect(r.status).to.equal(200);
    expect(r.type).to.equal('application/pdf');
    const text = (await pdfText(r.bytes)).replace(/\s+/g, '');
    for (const want of [
      complaint.number,
      AGREEMENT,
      '消费投诉记录',
      '调解成功',
      '请尽快处理，插座已经烧黑。',
      '产品无质量问题',
      '已检测',
      '张晓明',
    ])
      expect(text, want).to.include(want.replace(/\s+/g, ''));
  });

  it('keeps from each reader what the page keeps: no consumer name for the merchant, no bureau note for the consumer', async () => {
    const forMerchant = (await pdfText((await download(srv, merchant, `/complaints/${complaint.id}/record.pdf`)).bytes)).replace(
      /\s+/g,
      '',
    );
    expect(forMerchant).to.include(AGREEMENT);
    expect(forMerchant).to.include('消费者未同意向商家公开身份');
    expect(forMerchant).not.to.include('张晓明');
    const forConsumer = (await pdfText((await download(srv, consumer, `/complaints/${complaint.id}/record.pdf`)).bytes)).replace(
      /\s+/g,
      '',
    );
    expect(forConsumer).to.include(complaint.number);
    expect(forConsumer).not.to.include('已检测');
    const english = await pdfText((await download(srv, hz, `/complaints/${complaint.id}/record.pdf?lang=en`)).bytes);
    expect(english).to.include('Mediation agreement');
    expect((await download(srv, yw, `/complaints/${complaint.id}/record.pdf`)).status).to.equal(404);
  });

  it('zips every evidence file byte for byte, same names kept apart', async () => {
    const r = await download(srv, merchant, `/complaints/${complaint.id}/evidence.zip`);
    expect(r.status).to.equal(200);
    expect(r.type).to.equal('application/zip');
    const files = await zipEntries(r.bytes);
    expect([...files.keys()].sort()).to.deep.equal(['发票.pdf', '插座照片 (2).png', '插座照片.png'].sort());
    expect(files.get('插座照片.png')!.equals(PNG)).to.equal(true);
    expect(files.get('发票.pdf')!.equals(PDF)).to.equal(true);
    expect((await download(srv, yw, `/complaints/${complaint.id}/evidence.zip`)).status).to.equal(404);
  });
});
