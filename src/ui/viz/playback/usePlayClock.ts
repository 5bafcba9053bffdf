import { useEffect, useRef, useState } from 'react';
import { prefersReducedMotion, REDUCED_MOTION_QUERY } from '../../a11y/reducedMotion.ts';
import { stepsDue } from './playbackCursor.ts';

/**
 * While `playing`, calls `advance(n)` in animation frames with the whole steps due at `speed`
 * steps per second since the last call (time left over carries to the next frame, so 7 steps/s
 * is 7 steps a second whatever the frame rate). Stops with `playing`.
 */
export function usePlayClock(playing: boolean, speed: number, advance: (steps: number) => void): void {
  const latest = useRef(advance);
  latest.current = advance;
  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let carry = 0;
    let frame = requestAnimationFrame(function tick(now) {
      const due = stepsDue(carry + (now - last), speed);
      last = now;
      carry = due.restMs;
      if (due.steps > 0) latest.current(due.steps);
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, speed]);
}

/** True when the user asked for reduced motion (followed live, as the setting can change). */
export function usePrefersReducedMotion(): boolean {
  const [reduced, setReduced] = useState(prefersReducedMotion);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const m = matchMedia(REDUCED_MOTION_QUERY);
    const on = () => setReduced(m.matches);
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, []);
  return reduced;
}
