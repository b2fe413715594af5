import 'server-only';
import type { TxClient } from '@/lib/db';
import type { AuditEventType } from '@/lib/audit/events';
import { open } from '@/lib/crypto/secret-box';
import { checkTotpCode } from '@/lib/two-factor/totp';
import { totpSecretContext } from '@/lib/two-factor/secret-context';
import { claimTotpStep } from '@/lib/two-factor/code-attempts';
import { claimRecoveryCode, countUnusedRecoveryCodes, recoveryCodeState } from '@/lib/two-factor/recovery-codes';
import { enqueueNotification } from '@/lib/notifications/enqueue-notification';
import type { NotificationKind } from '@/lib/notifications/templates';
import type { SecondFactor } from './sessions';
import type { RequestMeta } from './request-meta';

/** The user of a login challenge, as far as checking a code needs. */
/** totpCredential is null for a user whose only methods are security keys (S24): their app codes are wrong. */
export type CodeOwner = { id: string; totpCredential: { secretCiphertext: string; keyId: string; lastUsedStep: number } | null };

export type FactorCheck =
  | {
      kind: 'accepted';
      /** In the sign-in transaction: claims the code, true for exactly one caller (S3, S13). */
      claim: (tx: TxClient) => Promise<boolean>;
      details?: Record<string, unknown>;
      /** In the sign-in transaction, after the claim: what else to record; returns facts for the audit event. */
      afterClaim?: (tx: TxClient) => Promise<Record<string, unknown>>;
    }
  /** A genuine code that was already used (for a key: a genuine signature whose counter went backwards). details: facts for the audit event. */
  | { kind: 'replayed'; details?: Record<string, unknown> }
  | { kind: 'wrong'; details?: Record<string, unknown> };

/** One kind of code the second step accepts: how it is checked and claimed, and how it is audited. */
export type CodeFactor = {
  factor: SecondFactor;
  events: { succeeded: AuditEventType; failed: AuditEventType; replayed: AuditEventType };
  replayNotification: NotificationKind;
  /** Reads only: the claim that makes an accepted code count is written in the sign-in transaction. */
  check: (user: CodeOwner, now: Date) => Promise<FactorCheck>;
};

export function codeFactor(factor: SecondFactor, code: string, meta: RequestMeta): CodeFactor {
  return factor === 'totp' ? totpFactor(code) : recoveryCodeFactor(code, meta);
}

/** A code from the authenticator app (S2, S3). */
function totpFactor(code: string): CodeFactor {
  return {
    factor: 'totp',
    events: { succeeded: 'login.code_succeeded', failed: 'login.code_failed', replayed: 'login.code_replayed' },
    replayNotification: 'code_replayed',
    async check(user, now) {
      const credential = user.totpCredential;
      if (!credential) return { kind: 'wrong' };
      const secret = open({ ciphertext: credential.secretCiphertext, keyId: credential.keyId }, totpSecretContext(user.id));
      const check = await checkTotpCode({ secret, code, lastUsedStep: credential.lastUsedStep, nowMs: now.getTime() });
      if (check.kind !== 'accepted') return { kind: check.kind };
      // The conditional write is the replay guard: of two requests with one code, one claims the step (S3).
      return { kind: 'accepted', details: { step: check.step }, claim: (tx) => claimTotpStep(tx, user.id, check.step) };
    },
  };
}

/** A recovery code instead (S13), under the same limits as the app's codes (S4). */
function recoveryCodeFactor(code: string, meta: RequestMeta): CodeFactor {
  return {
    factor: 'recovery_code',
    events: { succeeded: 'login.recovery_code_used', failed: 'login.recovery_code_failed', replayed: 'login.recovery_code_replayed' },
    replayNotification: 'recovery_code_replayed',
    async check(user, now) {
      const state = await recoveryCodeState(user.id, code);
      if (state !== 'unused') return { kind: state === 'used' ? 'replayed' : 'wrong' };
      return {
        kind: 'accepted',
        // usedAt null → now: of two requests with one code, exactly one marks it (S13).
        claim: (tx) => claimRecoveryCode(tx, user.id, code, now),
        async afterClaim(tx) {
          const codesLeft = await countUnusedRecoveryCodes(user.id, tx);
          // A recovery code in use may mean a lost phone, or a stolen list: the user should know (S12).
          await enqueueNotification(tx, { userId: user.id, kind: 'recovery_code_used', meta, now, codesLeft });
          return { codesLeft };
        },
      };
    },
  };
}
