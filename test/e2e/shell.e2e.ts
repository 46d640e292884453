import { expect } from 'chai';
import { signInAs, switchSignedInToEnglish } from '../helpers/browser.js';
import { creditCodeCheckChar } from '../../shared/creditCode.js';
import { ApiClient, DEMO, signedIn } from '../helpers/http.js';
import { DEMO_PASSWORD } from '../helpers/server.js';
import { inChromium } from './inChromium.js';

/** The navigation each demo role must see, by data-testid. */
const EXPECTED: Record<string, { role: string; nav: string[] }> = {
  [DEMO.consumer]: { role: 'consumer', nav: ['nav-complaints', 'nav-complaints-new', 'nav-returns', 'nav-commitments', 'nav-search'] },
  [DEMO.merchant]: { role: 'merchant', nav: ['nav-inbox', 'nav-returns-desk', 'nav-my-commitments', 'nav-stores', 'nav-search'] },
  [DEMO.shop]: { role: 'merchant', nav: ['nav-inbox', 'nav-returns-desk', 'nav-my-commitments', 'nav-stores', 'nav-search'] },
  [DEMO.regulatorHz]: {
    role: 'regulator',
    nav: ['nav-dashboard', 'nav-queue', 'nav-flags', 'nav-cases', 'nav-compliance', 'nav-approvals', 'nav-users', 'nav-search'],
  },
  [DEMO.regulatorYw]: {
    role: 'regulator',
    nav: ['nav-dashboard', 'nav-queue', 'nav-flags', 'nav-cases', 'nav-compliance', 'nav-approvals', 'nav-users', 'nav-search'],
  },
  [DEMO.regulatorZj]: {
    role: 'regulator',
    nav: ['nav-dashboard', 'nav-queue', 'nav-flags', 'nav-cases', 'nav-compliance', 'nav-approvals', 'nav-users', 'nav-search'],
  },
  [DEMO.admin]: { role: 'admin', nav: ['nav-approvals', 'nav-users', 'nav-outbox', 'nav-dashboard', 'nav-search'] },
};
const ALL_NAV = [...new Set(Object.values(EXPECTED).flatMap((e) => e.nav))];

describe('the signed-in shell in Chromium', function () {
  const e2e = inChromium();

  for (const [email, want] of Object.entries(EXPECTED)) {
    it(`shows ${email} the ${want.role} navigation, live connection, and signs out`, async () => {
      const context = await e2e.browser.newContext();
      const page = await context.newPage();
      try {
        await signInAs(page, e2e.srv.url, email);
        expect(await page.getByTestId('user-role').getAttribute('data-role')).to.equal(want.role);
        for (const id of want.nav) expect(await page.getByTestId(id).count(), id).to.equal(1);
        for (const id of ALL_NAV.filter((n) => !want.nav.includes(n)))
          expect(await page.getByTestId('nav').getByTestId(id).count(), id).to.equal(0);
        await page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor({ timeout: 10_000 });
        await page.getByTestId('user-menu').click();
        await page.getByTestId('sign-out').click();
        await page.getByTestId('page-login').waitFor({ timeout: 10_000 });
      } finally {
        await context.close();
      }
    });
  }

  it('shows Chinese by default and switches to English, remembered for the user', async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    try {
      await signInAs(page, e2e.srv.url, DEMO.consumer);
      expect(await page.locator('html').getAttribute('lang')).to.equal('zh-CN');
      expect(await page.getByTestId('nav').innerText()).to.match(/投诉/);
      await switchSignedInToEnglish(page);
      expect(await page.getByTestId('nav').innerText()).to.match(/complaint/i);
      const fresh = await e2e.browser.newContext();
      const other = await fresh.newPage();
      await signInAs(other, e2e.srv.url, DEMO.consumer);
      await other.waitForFunction(() => document.documentElement.lang === 'en');
      await fresh.close();
    } finally {
      await context.close();
    }
  });

  it('keeps the language picked on the sign-in page after signing in, and for the account', async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(e2e.srv.url + '/login');
      await page.getByTestId('language-switch').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      await page.locator('input[name="email"]').fill(DEMO.regulatorYw);
      await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('nav').waitFor();
      expect(await page.locator('html').getAttribute('lang')).to.equal('en');
      expect(await page.getByTestId('nav').innerText()).to.match(/Dashboard/);
      const me = await signedIn(e2e.srv.url, DEMO.regulatorYw).then((c) => c.get('/auth/me'));
      expect(me.body.user.locale).to.equal('en');
    } finally {
      await context.close();
    }
  });

  it('shows a pending merchant a waiting page that becomes the full navigation when approved, live', async () => {
    const applicant = new ApiClient(e2e.srv.url);
    await applicant.fetchCsrf();
    const body = '91330106MA2AB9X7Q';
    const email = 'pending-tea@shop.example';
    const reg = await applicant.post('/auth/register', {
      name: '赵六',
      email,
      password: 'long-enough-pw',
      role: 'merchant',
      merchant: { name: '龙井茶庄', creditCode: body + creditCodeCheckChar(body), countyCode: '330106' },
    });
    expect(reg.status, reg.text).to.equal(201);
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    try {
      await signInAs(page, e2e.srv.url, email, 'long-enough-pw');
      await page.getByTestId('pending-account').waitFor();
      expect(await page.getByTestId('nav').locator('a').count()).to.equal(0);
      await page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor({ timeout: 10_000 });

      const hz = await signedIn(e2e.srv.url, DEMO.regulatorHz);
      const item = (await hz.get('/approvals')).body.items.find((i: { email: string }) => i.email === email);
      expect((await hz.post(`/approvals/${item.id}`, { decision: 'approve' })).status).to.equal(200);

      await page.getByTestId('nav-inbox').waitFor({ timeout: 10_000 });
      expect(await page.getByTestId('pending-account').count()).to.equal(0);
    } finally {
      await context.close();
    }
  });

  it('refuses a wrong password with a visible message', async () => {
    const page = await e2e.browser.newPage();
    try {
      await page.goto(e2e.srv.url + '/login');
      await page.locator('input[name="email"]').fill(DEMO.consumer);
      await page.locator('input[name="password"]').fill('definitely-wrong');
      await page.getByTestId('login-submit').click();
      await page.getByTestId('login-error').waitFor({ timeout: 10_000 });
      expect(await page.getByTestId('login-error').innerText()).to.have.length.greaterThan(2);
    } finally {
      await page.close();
    }
  });

  it('signs a new consumer up: a short password is refused at its field before sending, then the account opens', async () => {
    const page = await e2e.browser.newPage();
    try {
      await page.goto(e2e.srv.url + '/register');
      await page.locator('input[name="name"]').fill('林新用户');
      await page.locator('input[name="email"]').fill('new.consumer@example.cn');
      await page.locator('input[name="password"]').fill('short');
      await page.getByTestId('register-submit').click();
      expect(await page.getByTestId('error-password').innerText()).to.contain('10');
      await page.locator('input[name="password"]').fill('a-long-enough-password');
      await page.getByTestId('register-submit').click();
      await page.getByTestId('nav-complaints-new').waitFor();
      expect(await page.getByTestId('error-password').count()).to.equal(0);
    } finally {
      await page.close();
    }
  });
});
