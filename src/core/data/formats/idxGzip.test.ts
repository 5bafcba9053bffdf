import { describe, expect, it } from 'vitest';
import { gzipBomb, idxHeader } from '../../../../test/support/craft/gzipCraft.ts';
import { DataFormatError } from '../../errors.ts';
import { boundedGunzip } from './boundedGunzip.ts';
import { parseIdx } from './idxReader.ts';

const caught = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
};

describe('gzipped IDX under hostile input', () => {
  it('refuses a gzip bomb whose size footer wraps past 4 GB where its IDX header ends, quickly, with the figures', () => {
    // 4 GiB + 1 MiB of zeros behind a 10,000 × 28 × 28 header: the footer, mod 2^32, says 1 MiB + 16 bytes.
    const bomb = gzipBomb(idxHeader([10_000, 28, 28]), 4097);
    expect(new DataView(bomb.buffer).getUint32(bomb.length - 4, true)).toBe(2 ** 20 + 16);
    const t0 = performance.now();
    const e = caught(() => parseIdx(bomb, 'bomb.gz'));
    expect(performance.now() - t0).toBeLessThan(3_000);
    expect(e).toBeInstanceOf(DataFormatError);
    expect(e).toMatchObject({ file: 'bomb.gz', field: 'gzip stream' });
    expect((e as Error).message).toMatch(/more than 7840016 bytes, over the limit of the 7840016 bytes its IDX header announces .*footer claims 1048592 bytes/);
  }, 10_000);

  it('refuses an IDX header announcing more than the cap before inflating its data', () => {
    const bomb = gzipBomb(idxHeader([1_000_000, 28, 28]), 4097);
    expect(() => parseIdx(bomb, 'huge.gz')).toThrow(/huge\.gz: data of 1000000 × 28 × 28 bytes at byte 16: the header announces 784000016 bytes inflated, over the 256 MB limit/);
  });

  it('stops a stream at the cap whatever its footer says, and refuses a footer that disagrees with the stream', () => {
    const head = idxHeader([4, 1024, 1024]);
    expect(() => boundedGunzip(gzipBomb(head, 4, 100), 'cap.gz', 2 ** 20)).toThrow(/cap\.gz: gzip stream at byte \d+: inflates to more than 1048576 bytes, over the 1 MB limit/);
    expect(parseIdx(gzipBomb(head, 4), 'ok.gz').dims).toEqual([4, 1024, 1024]);
    expect(() => parseIdx(gzipBomb(head, 4, 100), 'lying.gz')).toThrow(/says 100 bytes but the stream inflates to 4194320/);
  });

  it('refuses a gzip stream cut short, naming the file and the gzip stream', () => {
    const whole = gzipBomb(idxHeader([4, 1024, 1024]), 4);
    expect(() => parseIdx(whole.subarray(0, 200), 'cut.gz')).toThrow(/cut\.gz: gzip stream at byte .*cannot be decompressed/);
  });
});
