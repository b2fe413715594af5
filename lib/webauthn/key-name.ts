/**
 * A key's name as the user types it ("Office PC", "YubiKey"), checked before anything is stored
 * (S14): trimmed, 1 to KEY_NAME_MAX_LENGTH characters, no control or format characters (a name
 * is shown in lists and e-mails, where such characters could hide or reorder text).
 */
import 'server-only';
import { messageKey, type Message } from '@/lib/i18n/messages';
import { KEY_NAME_MAX_LENGTH } from './config';

export type ParsedKeyName = { ok: true; name: string } | { ok: false; message: Message };

export function parseKeyName(input: unknown): ParsedKeyName {
  if (typeof input !== 'string') return { ok: false, message: messageKey('securityKeys.errors.nameRequired') };
  const name = input.normalize('NFC').trim();
  if (name.length === 0) return { ok: false, message: messageKey('securityKeys.errors.nameRequired') };
  if ([...name].length > KEY_NAME_MAX_LENGTH) return { ok: false, message: { key: 'securityKeys.errors.nameTooLong', values: { max: KEY_NAME_MAX_LENGTH } } };
  if (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(name)) return { ok: false, message: messageKey('securityKeys.errors.nameInvalid') };
  return { ok: true, name };
}
