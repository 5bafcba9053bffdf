import { describe, expect, it } from 'vitest';
import { craftAedat2, craftAedat3, craftNmnist, type CraftEvent } from '../../../../test/support/craft/eventCraft.ts';
import { refusal } from '../../../../test/support/refusal.ts';
import { parseAedat2, parseAedat3 } from './aedatReader.ts';
import { parseNmnist } from './nmnistReader.ts';

const ev = (x: number, y: number, t: number, p: 0 | 1 = 1): CraftEvent => ({ x, y, p, t });

describe('N-MNIST events outside the 34 × 34 sensor', () => {
  it('reads events inside the sensor with no warning, on a 34 × 34 frame', () => {
    const e = parseNmnist(craftNmnist([ev(0, 0, 10), ev(33, 33, 20)]), 'ok.bin');
    expect([e.width, e.height, e.t.length]).toEqual([34, 34, 2]);
    expect(e.warnings).toEqual([]);
  });

  it('drops events with y (or x) ≥ 34, saying how many and where the first was; the frame stays 34 × 34', () => {
    const e = parseNmnist(craftNmnist([ev(1, 2, 10), ev(3, 200, 20), ev(4, 5, 30), ev(40, 6, 40)]), 'y.bin');
    expect([...e.x]).toEqual([1, 4]);
    expect([...e.t]).toEqual([10, 30]);
    expect([e.width, e.height]).toEqual([34, 34]);
    expect(e.warnings).toEqual([expect.objectContaining({ code: 'events_outside_sensor', file: 'y.bin', field: 'event x, y', byteOffset: 5 })]);
    expect(e.warnings?.[0]?.message).toMatch(/2 of 4 events lie outside the 34×34 sensor \(x or y ≥ 34\), the first at byte 5; they are dropped/);
  });

  it('refuses a file all of whose events are outside the sensor', () => {
    expect(refusal(() => parseNmnist(craftNmnist([ev(1, 99, 10), ev(1, 98, 20)]), 'all.bin'))).toMatchObject({ field: 'event x, y', byteOffset: 0 });
  });
});

describe('AEDAT 2.0 timestamps that run backwards', () => {
  it('reads non-decreasing timestamps with no warning', () => {
    const e = parseAedat2(craftAedat2([ev(1, 1, 100), ev(2, 2, 100), ev(3, 3, 250)]), 'ok.aedat');
    expect(e.t.length).toBe(3);
    expect(e.warnings).toEqual([]);
  });

  it('drops events earlier than the latest kept one and warns with the count and the first one\'s offset', () => {
    // Header '#!AER-DAT2.0\r\n# crafted\r\n' is 25 bytes; event k's timestamp is at 25 + 8k + 4.
    const e = parseAedat2(craftAedat2([ev(1, 1, 100), ev(2, 2, 500), ev(3, 3, 50), ev(4, 4, 499), ev(5, 5, 600)]), 'back.aedat');
    expect([...e.t]).toEqual([100, 500, 600]);
    expect([...e.x]).toEqual([1, 2, 5]);
    expect(e.warnings).toEqual([expect.objectContaining({ code: 'timestamps_backwards', file: 'back.aedat', field: 'timestamp', byteOffset: 25 + 16 + 4 })]);
    expect(e.warnings?.[0]?.message).toMatch(/2 of 5 events go back in time, the first \(50 µs after 500 µs\) here; they are dropped/);
  });
});

describe('AEDAT 3.1 timestamps that run backwards', () => {
  it('drops them as AEDAT 2.0 does, with the count and the first one\'s offset', () => {
    // The text header is 3 lines of 14 bytes and the packet header 28: event k's timestamp is at 70 + 8k + 4.
    const e = parseAedat3(craftAedat3([ev(1, 1, 100), ev(2, 2, 90), ev(3, 3, 200)]), 'back.aedat');
    expect([...e.t]).toEqual([100, 200]);
    expect(e.warnings).toEqual([expect.objectContaining({ code: 'timestamps_backwards', field: 'timestamp', byteOffset: 70 + 8 + 4 })]);
    expect(parseAedat3(craftAedat3([ev(1, 1, 100), ev(2, 2, 100)]), 'ok.aedat').warnings).toEqual([]);
  });
});
