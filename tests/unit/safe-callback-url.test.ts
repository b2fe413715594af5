import { safeCallbackUrl } from '@/lib/auth/safe-callback-url';

describe('safeCallbackUrl: no open redirect', () => {
  it.each([
    ['/settings/2fa', '/settings/2fa'],
    ['/helpdesk?q=anna', '/helpdesk?q=anna'],
    ['/', '/'],
  ])('keeps the same-site path %s', (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });

  it.each([
    'https://evil.example/',
    '//evil.example/path',
    '/\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    // Paths that resolve to "//evil.example": a Location the browser reads as another site (found by test:attack).
    '/login/../\\evil.example',
    '/a/..//evil.example',
    '/a/../\\/evil.example',
    '/./\\evil.example',
    'javascript:alert(1)',
    'settings',
    '',
    '/login',
    '/login/verify',
    `/${'a'.repeat(3000)}`,
    undefined,
    ['/a', '/b'],
  ])('sends %j home instead', (input) => {
    expect(safeCallbackUrl(input)).toBe('/');
  });
});
