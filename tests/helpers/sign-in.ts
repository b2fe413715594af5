import { postCode, postLogin } from './login-steps';
import { FakeBrowser, form } from './fake-browser';
import { authenticatorCode } from './totp-reference';
import type { TestUser } from './factories';

/** A browser that went through the real login steps; with 2FA, the code comes from the tests' own authenticator. */
export async function signedInBrowser(user: TestUser, { atStepOffset = 0 } = {}): Promise<FakeBrowser> {
  const browser = new FakeBrowser();
  const step = await postLogin(browser, form({ email: user.email, password: user.password }));
  if (step.redirect === '/login/verify') {
    const code = authenticatorCode(user.secret!, Date.now(), atStepOffset);
    const done = await postCode(browser, form({ code }));
    if (done.redirect !== '/') throw new Error(`verification failed: ${JSON.stringify(done)}`);
  } else if (step.redirect !== '/') {
    throw new Error(`login failed: ${JSON.stringify(step)}`);
  }
  return browser;
}

/** A browser that passed the password but not the code. */
export async function pendingBrowser(user: TestUser): Promise<FakeBrowser> {
  const browser = new FakeBrowser();
  const step = await postLogin(browser, form({ email: user.email, password: user.password }));
  if (step.redirect !== '/login/verify') throw new Error(`expected the code step: ${JSON.stringify(step)}`);
  return browser;
}
