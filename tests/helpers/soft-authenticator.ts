/**
 * A software security key for tests: a P-256 key pair from node:crypto, attestation "none",
 * authenticator data built by hand (RP ID hash, flags, counter) and CBOR from
 * @simplewebauthn/server's helpers. Independent of lib/webauthn: it speaks the WebAuthn wire
 * format, so the server's checks are tested against what a browser would send, and it can
 * lie (another origin or RP ID, a counter that goes backwards) as an attacker's would.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isoBase64URL, isoCBOR } from '@simplewebauthn/server/helpers';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();
const b64 = (data: Uint8Array) => isoBase64URL.fromBuffer(new Uint8Array(data));

type Ceremony = { challenge: string; origin?: string; rpId?: string };

export class SoftAuthenticator {
  readonly credentialId = randomBytes(16);
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  /** The signature counter; `counting: false` keeps it at 0, as many passkeys do. */
  counter = 0;

  constructor(
    private readonly defaults: { origin: string; rpId: string },
    private readonly counting = true,
  ) {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey;
  }

  get id(): string {
    return b64(this.credentialId);
  }

  /** The COSE_Key of the public key (EC2, ES256). */
  private cosePublicKey(): Uint8Array {
    const jwk = this.publicKey.export({ format: 'jwk' });
    const key = new Map<number, number | Uint8Array>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, Buffer.from(jwk.x!, 'base64url')],
      [-3, Buffer.from(jwk.y!, 'base64url')],
    ]);
    return isoCBOR.encode(key);
  }

  private authenticatorData(rpId: string, counter: number, attested: boolean): Buffer {
    const flags = 0x01 | 0x04 | (attested ? 0x40 : 0); // user present, user verified, attested credential data
    const head = Buffer.alloc(37);
    sha256(rpId).copy(head, 0);
    head[32] = flags;
    head.writeUInt32BE(counter, 33);
    if (!attested) return head;
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(this.credentialId.length);
    return Buffer.concat([head, Buffer.alloc(16), idLength, this.credentialId, Buffer.from(this.cosePublicKey())]);
  }

  private clientData(type: string, { challenge, origin }: { challenge: string; origin: string }): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  /** What navigator.credentials.create() returns, as @simplewebauthn/browser's startRegistration() posts it. */
  register({ challenge, origin = this.defaults.origin, rpId = this.defaults.rpId }: Ceremony): RegistrationResponseJSON {
    const authData = this.authenticatorData(rpId, this.counter, true);
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Map<string, string> | Uint8Array>([
        ['fmt', 'none'],
        ['attStmt', new Map<string, string>()],
        ['authData', new Uint8Array(authData)],
      ]),
    );
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      response: {
        clientDataJSON: b64(this.clientData('webauthn.create', { challenge, origin })),
        attestationObject: b64(attestationObject),
        transports: ['usb'],
      },
      clientExtensionResults: {},
    };
  }

  /** What navigator.credentials.get() returns; `counter` forces the counter (a clone's). */
  assert({ challenge, origin = this.defaults.origin, rpId = this.defaults.rpId, counter }: Ceremony & { counter?: number }): AuthenticationResponseJSON {
    if (counter !== undefined) this.counter = counter;
    else if (this.counting) this.counter += 1;
    const authData = this.authenticatorData(rpId, this.counter, false);
    const clientDataJSON = this.clientData('webauthn.get', { challenge, origin });
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), this.privateKey);
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      response: { authenticatorData: b64(authData), clientDataJSON: b64(clientDataJSON), signature: b64(signature) },
      clientExtensionResults: {},
    };
  }
}
