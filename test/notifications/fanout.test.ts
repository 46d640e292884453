import { expect } from 'chai';
import { publicUrl } from '../../server/config.js';
import { NotificationModel } from '../../server/models/Notification.js';
import { OutboxMailModel } from '../../server/models/OutboxMail.js';
import { UserModel } from '../../server/models/User.js';
import { fanOut, type FanOut } from '../../server/notifications/fanout.js';
import { bureaus, merchantStaff, person } from '../../server/notifications/recipients.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { connected, DEMO, nextEvent, signedIn } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

describe('notification fan-out', () => {
  let world: DemoWorld;
  let srv: TestServer;
  beforeEach(async () => {
    world = await freshWorld();
    srv = await startTestServer();
  });
  afterEach(() => srv.stop());

  const id = (email: string) => world.users.get(email)!._id;
  const cause = (): FanOut => ({
    cause: 'test-cause:1',
    kind: 'test',
    // The consumer is named twice (as a person and again): an account named by several rules hears once.
    to: [
      person(id(DEMO.consumer)),
      person(id(DEMO.consumer)),
      merchantStaff(world.chain._id, []),
      bureaus(['330106'], { province: false }),
    ],
    notice: { title: '中文标题', titleEn: 'English title', body: '中文正文', bodyEn: 'English body' },
    link: (u) => (u.role === 'regulator' ? '/compliance' : '/returns/desk'),
  });

  it('reaches each account its rules name once, in its language, live, with an absolute mail link', async () => {
    await UserModel.updateOne({ email: DEMO.merchant }, { $set: { locale: 'en' } });
    const merchant = (await signedIn(srv.url, DEMO.merchant)).socket();
    await connected(merchant);
    const heard = nextEvent(merchant, 'notification');

    const added = await fanOut(cause());
    expect((await heard).title).to.equal('English title');
    merchant.disconnect();

    const notes = await NotificationModel.find({ key: 'test-cause:1' }).lean();
    const mails = await OutboxMailModel.find({ key: 'test-cause:1' }).lean();
    const to = mails.map((m) => m.to).sort();
    // The county's city bureau hears, the province's does not unless asked; another city's never.
    expect(to).to.include.members([DEMO.consumer, DEMO.merchant, DEMO.regulatorHz]);
    expect(to).not.to.include.members([DEMO.regulatorZj]);
    expect(to).not.to.include.members([DEMO.regulatorYw]);
    expect(new Set(to).size).to.equal(to.length);
    expect(notes.length).to.equal(mails.length).and.to.equal(added);

    const mailTo = (email: string) => mails.find((m) => m.to === email)!;
    expect(mailTo(DEMO.merchant).text.startsWith('English title\n\nEnglish body')).to.equal(true);
    expect(mailTo(DEMO.merchant).subject.startsWith('[Fangxin] English title')).to.equal(true);
    expect(mailTo(DEMO.consumer).text.startsWith('中文标题\n\n中文正文')).to.equal(true);
    expect(mailTo(DEMO.merchant).text).to.contain(`View: ${publicUrl()}/returns/desk\n`);
    expect(mailTo(DEMO.regulatorHz).text).to.match(/View: https?:\/\/[^/\s]+\/compliance\n/);
    const merchantNote = notes.find((n) => String(n.userId) === String(id(DEMO.merchant)))!;
    expect(merchantNote.body).to.equal('English body');
    expect(merchantNote.link).to.equal('/returns/desk');
  });

  it('tells nobody twice about one cause, however often it is fanned out', async () => {
    const first = await fanOut(cause());
    expect(first).to.be.greaterThan(0);
    expect(await fanOut(cause())).to.equal(0);
    expect(await NotificationModel.countDocuments({ key: 'test-cause:1' })).to.equal(first);
    expect(await OutboxMailModel.countDocuments({ key: 'test-cause:1' })).to.equal(first);
  });

  it('skips disabled accounts', async () => {
    await UserModel.updateOne({ email: DEMO.consumer }, { $set: { status: 'disabled' } });
    await fanOut(cause());
    expect(await OutboxMailModel.countDocuments({ to: DEMO.consumer })).to.equal(0);
  });
});
