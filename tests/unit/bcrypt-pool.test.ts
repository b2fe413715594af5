import bcrypt from 'bcryptjs';
import { bcryptCompare, bcryptHash } from '@/lib/auth/bcrypt-pool';

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
    const pool = await import('@/lib/auth/bcrypt-pool');
    const hash = bcrypt.hashSync('right', 4);
    await expect(pool.bcryptCompare('right', hash)).resolves.toBe(true);
    await expect(pool.bcryptCompare('wrong', hash)).resolves.toBe(false);
    terminate.mockRestore();
  });
});
