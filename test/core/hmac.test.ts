import { createHmac, createHash } from 'node:crypto';
import fc from 'fast-check';
import { base64Url, hex, hmacSealer, hmacSha256, sha256, utf8 } from '../../src/core/hmac';

const bytes = (s: string) => Uint8Array.from(Buffer.from(s, 'hex'));

describe('SHA-256 and HMAC-SHA-256', () => {
  it('matches FIPS 180-2 test vectors', () => {
    expect(hex(sha256(utf8('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(sha256(utf8('')))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(sha256(utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('matches RFC 4231 test cases 1, 2 and 6', () => {
    expect(hex(hmacSha256(bytes('0b'.repeat(20)), utf8('Hi There')))).toBe(
      'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
    );
    expect(hex(hmacSha256(utf8('Jefe'), utf8('what do ya want for nothing?')))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    expect(
      hex(hmacSha256(bytes('aa'.repeat(131)), utf8('Test Using Larger Than Block-Size Key - Hash Key First'))),
    ).toBe('60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54');
  });

  it('agrees with Node crypto on any text, including non-ASCII', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ maxLength: 80 }), (message, key) => {
        expect(hmacSealer(key)(message)).toBe(
          createHmac('sha256', Buffer.from(key, 'utf8')).update(message, 'utf8').digest('base64url'),
        );
        expect(hex(sha256(utf8(message)))).toBe(createHash('sha256').update(message, 'utf8').digest('hex'));
      }),
      { numRuns: 300 },
    );
  });

  it('encodes URL-safe base64 without padding', () => {
    expect(base64Url(Uint8Array.from([0xfb, 0xff]))).toBe('-_8');
    expect(base64Url(utf8('Ma'))).toBe('TWE');
  });
});
