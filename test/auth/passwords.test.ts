import { execFileSync } from 'node:child_process';
import { expect } from 'chai';

// The suites hash with cheap parameters (NODE_ENV=test); this guards the ones every other
// environment stores: a hash records its parameters, so a weakened default would show here.
describe('password hashing outside tests', () => {
  it('stores argon2id hashes at the library defaults (64 MiB, three passes)', () => {
    const hash = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        "const { hashPassword } = await import('./server/auth/passwords.ts'); process.stdout.write(await hashPassword('a-password'));",
      ],
      { env: { ...process.env, NODE_ENV: 'production' }, encoding: 'utf8' },
    );
    const [, algorithm, , params = ''] = hash.split('$');
    expect(algorithm).to.equal('argon2id');
    expect(Object.fromEntries(params.split(',').map((kv) => kv.split('=')))).to.deep.equal({ m: '65536', t: '3', p: '4' });
  });
});
