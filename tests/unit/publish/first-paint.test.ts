import { describe, expect, it } from 'vitest';
import { cspHash, LAY_OUT_MASTHEAD } from '../../../src/lib/first-paint.ts';

describe('cspHash', () => {
  it('gives the CSP source the specification gives for a script text', () => {
    // CSP Level 3, "hash-source" example; and the hash of an empty script, as browsers report it.
    expect(cspHash("alert('Hello, world.');")).toBe('sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=');
    expect(cspHash('')).toBe('sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
  });

  it('hashes the text as UTF-8, byte for byte: one more space is another hash', () => {
    expect(cspHash('é')).toBe('sha256-SplVfkAzw1Od4utlRyAXytX5VX96BiWgnxw/biumnEw='); // printf '\xc3\xa9' | openssl dgst -sha256 -binary | base64
    expect(cspHash(`${LAY_OUT_MASTHEAD} `)).not.toBe(cspHash(LAY_OUT_MASTHEAD));
  });
});
