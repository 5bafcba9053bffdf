import { describe, expect, it } from 'vitest';
import { DataFormatError, SpecError } from '../src/core/errors.ts';
import { reviveError } from './api.ts';
import { explainError } from './explainError.ts';

describe('explainError', () => {
  it('puts a raw RangeError in words: what was being done, what it means, what to do; the raw text only in detail', () => {
    const shown = explainError(new RangeError('Invalid array length'), 'running the simulation');
    expect(shown.message).toBe('running the simulation failed: it needs more memory than this browser can give it. use a smaller input (fewer samples, channels, neurons or steps) and try again; your workspace is unchanged');
    expect(shown.message).not.toMatch(/RangeError|Invalid array length/);
    expect(shown.detail).toBe('RangeError: Invalid array length');
  });

  it('tells a stack overflow from an allocation failure', () => {
    expect(explainError(new RangeError('Maximum call stack size exceeded'), 'reading x.json').message).toMatch(/^reading x\.json failed: the input is nested or chained too deeply/);
    expect(explainError(new RangeError('Array buffer allocation failed'), 'reading a.wav').message).toMatch(/needs more memory/);
  });

  it('keeps the kind after the error crossed the worker boundary (revived with its name, not its class)', () => {
    const revived = reviveError({ name: 'RangeError', message: 'Invalid typed array length: 4294967296' });
    expect(revived).not.toBeInstanceOf(RangeError);
    expect(explainError(revived, 'loading the files')).toMatchObject({ message: expect.stringMatching(/^loading the files failed: it needs more memory/), detail: 'RangeError: Invalid typed array length: 4294967296' });
  });

  it('passes Spikelab’s own errors and the page’s own sentences through unchanged', () => {
    const format = new DataFormatError('a.edf', 'duration', 244, 'must be positive');
    expect(explainError(format, 'reading a.edf')).toEqual({ message: format.message });
    expect(explainError(new Error('this browser offers no IndexedDB'), 'opening the database')).toEqual({ message: 'this browser offers no IndexedDB' });
  });

  it('treats a raw text wrapped in one of our errors as raw', () => {
    const wrapped = new SpecError([{ path: '(root)', message: 'not JSON: Maximum call stack size exceeded' }]);
    expect(explainError(wrapped, 'reading deep.json')).toMatchObject({ message: expect.stringMatching(/nested or chained too deeply/), detail: 'SpecError: (root): not JSON: Maximum call stack size exceeded' });
  });

  it('calls an unknown engine error a bug, and a thrown non-error too', () => {
    expect(explainError(new TypeError("Cannot read properties of undefined (reading 'x')"), 'training').message).toMatch(/^training failed: Spikelab met an error it does not describe yet \(a bug\)/);
    expect(explainError('boom', 'training')).toMatchObject({ message: expect.stringMatching(/a bug/), detail: 'Error: boom' });
  });

  it('escapes control characters and quotes at most a short prefix of the raw text', () => {
    const shown = explainError(new RangeError(`Invalid array length \u001b[2J${'x'.repeat(10_000)}`), 'x');
    expect(shown.detail).toMatch(/^RangeError: Invalid array length \\u001b\[2J/);
    expect(shown.detail?.length).toBeLessThan(400);
  });
});
