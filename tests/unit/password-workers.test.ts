import bcrypt from 'bcryptjs';
import { bcryptCompare, bcryptHash } from '@/lib/auth/password-workers';

describe('bcrypt on worker threads', () => {
  it('makes standard bcrypt hashes that bcryptjs itself verifies, and back', async () => {
    const hash = await bcryptHash('correct horse', 4);
    expect(hash).toMatch(/^\$2[aby]\$04\$/);
    expect(bcrypt.compareSync('correct horse', hash)).toBe(true);
    expect(await bcryptCompare('correct horse', bcrypt.hashSync('correct horse', 4))).toBe(true);
  });

  it('answers many parallel compares, each with its own result', async () => {
    const hash = bcrypt.hashSync('right', 4);
    const guesses = Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? 'right' : `wrong ${i}`));
    const results = await Promise.all(guesses.map((guess) => bcryptCompare(guess, hash)));
    expect(results).toEqual(guesses.map((guess) => guess === 'right'));
  });

  it('rejects a malformed hash instead of hanging', async () => {
    await expect(bcryptCompare('x', 'not a bcrypt hash')).resolves.toBe(false);
  });
});

describe('when a worker dies', () => {
  it('finishes its jobs on the main thread instead of leaving them hanging', async () => {
    jest.resetModules();
    const { Worker } = await import('node:worker_threads');
    const terminate = jest.spyOn(Worker.prototype, 'postMessage').mockImplementation(function (this: InstanceType<typeof Worker>) {
      // The worker receives the job and dies before answering.
      void this.terminate();
    });
    const pool = await import('@/lib/auth/password-workers');
    const hash = bcrypt.hashSync('right', 4);
    await expect(pool.bcryptCompare('right', hash)).resolves.toBe(true);
    await expect(pool.bcryptCompare('wrong', hash)).resolves.toBe(false);
    terminate.mockRestore();
  });
});

describe('the strength check of a new password (S17)', () => {
  // The fourth is weak only as zxcvbn is set up here (its first 64 characters read): a worker set up otherwise would differ.
  const passwords = ['password1234', 'P@55w0rd!2024', 'rode kangoeroe fluit zacht op de trap', `${'1'.repeat(64)}rode kangoeroe fluit zacht`, 'qz7-vbn4-mkw'];
  const verdicts = async () => {
    const { checkNewPassword } = await import('@/lib/auth/password-policy');
    return Promise.all(passwords.map((password) => checkNewPassword(password, { email: 'jan@office.example' })));
  };

  it('gives the same verdicts on a worker and, once the workers have died, on this thread', async () => {
    jest.resetModules();
    const onWorkers = await verdicts();
    expect(onWorkers.map((verdict) => verdict.kind)).toEqual(['too-weak', 'too-weak', 'ok', 'too-weak', 'ok']);

    jest.resetModules();
    const { Worker } = await import('node:worker_threads');
    const terminate = jest.spyOn(Worker.prototype, 'postMessage').mockImplementation(function (this: InstanceType<typeof Worker>) {
      void this.terminate();
    });
    try {
      expect(await verdicts()).toEqual(onWorkers);
    } finally {
      terminate.mockRestore();
    }
  });
});
