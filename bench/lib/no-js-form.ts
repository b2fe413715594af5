/**
 * Submits a page's server-action form as a browser without JavaScript does: the hidden fields
 * React renders for progressive enhancement ($ACTION_REF_…, $ACTION_KEY, …) plus the visible
 * ones, as multipart form data, with the Origin Next.js checks against the Host.
 */

const ENTITIES: Record<string, string> = { '&quot;': '"', '&amp;': '&', '&#x27;': "'", '&#39;': "'", '&lt;': '<', '&gt;': '>' };
const decode = (value: string) => value.replace(/&(quot|amp|#x27|#39|lt|gt);/g, (m) => ENTITIES[m]);

/** The hidden inputs of the first form on the page that has an input named `field`. */
export function hiddenFieldsOfForm(html: string, field: string): Record<string, string> {
  for (const form of html.match(/<form[\s\S]*?<\/form>/g) ?? []) {
    if (!new RegExp(`name="${field.replace(/[$]/g, '\\$')}"`).test(form)) continue;
    const fields: Record<string, string> = {};
    for (const input of form.match(/<input[^>]*type="hidden"[^>]*>/g) ?? []) {
      const name = input.match(/name="([^"]*)"/)?.[1];
      if (name) fields[decode(name)] = decode(input.match(/value="([^"]*)"/)?.[1] ?? '');
    }
    return fields;
  }
  throw new Error(`no form with a field "${field}" on the page`);
}

export function multipartBody(fields: Record<string, string>): { body: string; contentType: string } {
  const boundary = `----bench${Math.random().toString(16).slice(2)}`;
  const parts = Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return { body: `${parts.join('')}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function formFieldsOf(baseUrl: string, path: string, field: string, cookie?: string): Promise<Record<string, string>> {
  const response = await fetch(`${baseUrl}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
  return hiddenFieldsOfForm(await response.text(), field);
}
