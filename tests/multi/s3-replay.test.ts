/** S3 across instances: what one instance accepted, the other refuses; two at once, exactly one passes. */
import { authenticatorCode } from '../helpers/totp-reference';
import { codeStep, outcome, pendingLogin } from '../http/flows';
import { observe } from '../http/observe';
import { useSuite } from '../http/suite';

const suite = useSuite('multi');
const { a, b } = suite;

test('S3 replay across instances: a code accepted on A is refused on B', async () => {
  const user = suite.claim();
  const code = authenticatorCode(user.totpKey!);
  const accepted = await codeStep(await pendingLogin(user, a), code, a);
  expect(`A: ${outcome(accepted)}`).toBe('A: 303 → /');
  const replay = await codeStep(await pendingLogin(user, b), code, b);
  expect(`B: ${outcome(replay)}`).toContain('code-replayed');
  expect(await suite.auditCount(`type = 'login.code_replayed' AND "subjectUserId" = $1`, [user.id])).toBe(1);
  observe(`A: ${outcome(accepted)}; B: ${outcome(replay)}; audit login.code_replayed = 1`);
});

test('S3 replay race: one code sent to A and B at the same time: exactly one succeeds', async () => {
  const user = suite.claim();
  const [x, y] = await Promise.all([pendingLogin(user, a), pendingLogin(user, b)]);
  const [px, py] = await Promise.all([x.get('/login/verify', a), y.get('/login/verify', b)]);
  const code = authenticatorCode(user.totpKey!);
  const answers = await Promise.all([
    x.submit('/login/verify', 'code', { code }, { server: a, page: px }),
    y.submit('/login/verify', 'code', { code }, { server: b, page: py }),
  ]);
  const seen = answers.map((answer) =>
    outcome(answer) === '303 → /' ? 'signed in' : outcome(answer).includes('code-replayed') ? 'replayed' : outcome(answer),
  );
  observe(`A: ${outcome(answers[0])}; B: ${outcome(answers[1])}`);
  expect(seen.sort()).toEqual(['replayed', 'signed in']);
});
