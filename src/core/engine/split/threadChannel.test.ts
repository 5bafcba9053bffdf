import { describe, expect, it } from 'vitest';
import { openThreadChannel, type MessageThread, type StartThread, type ThreadReply } from './threadChannel.ts';

// Threads that start after `startMs` and never answer: what matters here is who is started,
// who is ended, and that every request settles. Real threads: test/cli/*Threads.test.ts, e2e.
function slowThreads(startMs: number, failFrom = Infinity) {
  const live = new Set<number>();
  let started = 0;
  const start: StartThread<{ n: number }, number> = () => {
    const me = ++started;
    if (me >= failFrom) return Promise.reject(new Error(`start ${me} failed`));
    return new Promise((resolve) =>
      setTimeout(() => {
        live.add(me);
        let death: (why: string) => void = () => undefined;
        const t: MessageThread<{ n: number }, number> = {
          post: (m) => 'crash' in m && (live.delete(me), death('crashed')),
          onReply: () => undefined,
          onDeath: (h) => (death = h),
          terminate: () => live.delete(me),
        };
        resolve(t);
      }, startMs),
    );
  };
  return { start, live, started: () => started };
}

describe('openThreadChannel', () => {
  it('cancelling while a replacement starts leaks no thread, and disposing settles what is pending', async () => {
    const f = slowThreads(50);
    const c = await openThreadChannel(f.start, 'a test thread');
    const first = c.request({ n: 1 }, []);
    c.cancel();
    await expect(first).rejects.toMatchObject({ code: 'cancelled' });
    // The replacement is still starting: cancelling again must not start more threads.
    const second = c.request({ n: 2 }, []);
    c.cancel();
    c.cancel();
    await expect(second).rejects.toMatchObject({ code: 'cancelled' });
    await new Promise((r) => setTimeout(r, 120));
    expect(f.started()).toBe(2);
    expect(f.live.size).toBe(1);
    const third = c.request({ n: 3 }, []);
    c.dispose();
    await expect(third).rejects.toThrow(/a test thread was closed; the run was lost/);
    expect(f.live.size).toBe(0);
  });

  it('a replacement that fails to start fails the next request, not the process', async () => {
    const f = slowThreads(5, 2);
    const c = await openThreadChannel(f.start, 'a test thread');
    const lost = c.request({ n: 1 }, []);
    c.crashForTest();
    await expect(lost).rejects.toThrow(/a test thread crashed; the run was lost/);
    await expect(c.request({ n: 2 }, [])).rejects.toThrow(/start 2 failed/);
    c.dispose();
  });

  it('posts to a ready thread at once (work that follows synchronously does not hold it back), in order, and a message that cannot be sent fails its request only', async () => {
    const posted: number[] = [];
    let answer: (m: ThreadReply<number>) => void = () => undefined;
    const start: StartThread<{ n: number }, number> = () =>
      Promise.resolve({
        post: (m) => {
          if ('crash' in m) return;
          if (m.n < 0) throw new Error('could not be cloned');
          posted.push(m.n);
          answer({ id: m.id, result: m.n * 10 });
        },
        onReply: (h) => (answer = h),
        onDeath: () => undefined,
        terminate: () => undefined,
      });
    const c = await openThreadChannel(start, 'a test thread');
    const first = c.request({ n: 1 }, []);
    // Before any await: the request is already on its way.
    expect(posted).toEqual([1]);
    await expect(c.request({ n: -1 }, [])).rejects.toThrow(/a test thread could not be sent the request: could not be cloned/);
    const second = c.request({ n: 2 }, []);
    expect(posted).toEqual([1, 2]);
    // The failed send took no other request with it.
    await expect(first).resolves.toBe(10);
    await expect(second).resolves.toBe(20);
    c.dispose();
  });

  it('a thread whose set-up cannot be sent is ended and takes no request', async () => {
    const ended: number[] = [];
    let started = 0;
    const start: StartThread<{ n: number }, number> = () => {
      const me = ++started;
      return Promise.resolve({ post: () => undefined, onReply: () => undefined, onDeath: () => undefined, terminate: () => ended.push(me) });
    };
    const failing = openThreadChannel(start, 'a test thread', () => {
      throw new Error('set-up refused');
    });
    await expect(failing).rejects.toThrow(/set-up refused/);
    expect(ended).toEqual([1]);
  });
});
