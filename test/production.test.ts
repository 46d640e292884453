import crypto from 'node:crypto';
import { expect } from 'chai';
import { loadConfig } from '../server/config.js';
import { ApiClient, DEMO } from './helpers/http.js';
import { freshWorld } from './helpers/server.js';
import { runServer, spawnServer, type ServerProcess } from './helpers/serverProcess.js';

const STRONG = crypto.randomBytes(32).toString('hex');
const production = (over: Record<string, string | undefined> = {}) => ({
  NODE_ENV: 'production',
  SESSION_SECRET: STRONG,
  SEED: 'off',
  RATE_LIMIT_SCALE: '1',
  ...over,
});
// Behind the TLS proxy on this host (trust proxy: loopback), which tells the server the request was HTTPS.
const HTTPS = { 'x-forwarded-proto': 'https' };

function refusal(env: Record<string, string | undefined>): string | null {
  try {
    loadConfig(env as NodeJS.ProcessEnv);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

describe('production settings', function () {
  this.timeout(240_000);

  it('refuse a weak configuration: guessable secrets, demo accounts, test limits, plain HTTP', () => {
    expect(refusal(production({ SESSION_SECRET: undefined }))).to.match(/SESSION_SECRET is required/);
    for (const secret of [
      'changeme',
      'fangxin-development-secret-not-for-production',
      'x'.repeat(64),
      'changeme'.repeat(4),
      crypto.randomBytes(10).toString('hex'),
    ]) {
      expect(refusal(production({ SESSION_SECRET: secret })), secret).to.match(/SESSION_SECRET/);
    }
    expect(refusal(production({ SEED: undefined, DEMO_PASSWORD: undefined }))).to.match(/SEED=auto/);
    expect(refusal(production({ RATE_LIMIT_SCALE: '1000' }))).to.match(/RATE_LIMIT_SCALE/);
    expect(refusal(production({ PUBLIC_URL: 'http://fangxin.example.cn' }))).to.match(/PUBLIC_URL/);
    // Random secrets pass, hex or base64, and development keeps its own default.
    for (const secret of [STRONG, crypto.randomBytes(16).toString('hex'), crypto.randomBytes(24).toString('base64')]) {
      expect(refusal(production({ SESSION_SECRET: secret })), secret).to.equal(null);
    }
    expect(refusal(production({ PUBLIC_URL: 'https://fangxin.example.cn' }))).to.equal(null);
    expect(refusal({ NODE_ENV: 'development' })).to.equal(null);
  });

  it('the server process exits non-zero with one clear line on a weak secret', async () => {
    // One at a time: each is a whole Node process compiling the server on a shared machine.
    for (const env of [production({ SESSION_SECRET: undefined }), production({ SESSION_SECRET: 'changeme'.repeat(5) })]) {
      const r = await runServer(env, 120_000);
      expect(r.code).to.equal(1);
      const said = r.lines.filter((l) => l.trim());
      expect(said, said.join('\n')).to.have.length(1);
      expect(said[0]).to.match(/^Fangxin cannot start: invalid configuration: SESSION_SECRET/);
    }
  });

  describe('a good production configuration', () => {
    let srv: ServerProcess;
    before(async () => {
      await freshWorld();
      srv = await spawnServer({ env: production() });
    });
    after(async () => srv?.stop());

    it('starts, sends Secure SameSite=Lax cookies over HTTPS only, HSTS and a CSP without scheme wildcards', async () => {
      const plain = await fetch(`${srv.url}/api/auth/csrf`);
      expect(plain.status).to.equal(200);
      expect(plain.headers.getSetCookie(), 'a Secure cookie is never sent over plain HTTP').to.deep.equal([]);

      const client = new ApiClient(srv.url);
      const csrf = await client.request('GET', '/auth/csrf', undefined, HTTPS);
      client.csrf = csrf.body.token;
      const session = csrf.headers.getSetCookie().find((c) => c.startsWith('fangxin.sid='));
      expect(session, 'session cookie').to.be.a('string');
      const login = await client.request(
        'POST',
        '/auth/login',
        { email: DEMO.consumer, password: process.env.DEMO_PASSWORD ?? 'Fangxin-Demo-2026' },
        HTTPS,
      );
      expect(login.status).to.equal(200);
      const cookies = [session!, ...login.headers.getSetCookie()];
      expect(cookies.length).to.be.greaterThan(1);
      for (const c of cookies) {
        expect(c, c).to.match(/;\s*Secure/i);
        expect(c, c).to.match(/;\s*HttpOnly/i);
        expect(c, c).to.match(/;\s*SameSite=(Lax|Strict)/i);
      }
      expect((await client.request('GET', '/auth/me', undefined, HTTPS)).status).to.equal(200);

      for (const res of [csrf, login]) {
        const hsts = res.headers.get('strict-transport-security') ?? '';
        expect(Number(/max-age=(\d+)/.exec(hsts)?.[1] ?? 0), hsts).to.be.at.least(180 * 24 * 3600);
        const csp = new Map(
          (res.headers.get('content-security-policy') ?? '')
            .split(';')
            .map((d) => d.trim().split(/\s+/))
            .map(([name, ...sources]) => [name!, sources]),
        );
        for (const directive of ['default-src', 'script-src', 'font-src']) {
          const sources = csp.get(directive);
          expect(sources, directive).to.be.an('array').that.is.not.empty;
          expect(
            sources!.filter((s) => /^(https?|wss?):$|\*/.test(s)),
            directive,
          ).to.deep.equal([]);
        }
      }
    });
  });
});
