// Colour decisions, terminal-safe text and the progress bar.
import { describe, expect, it } from 'vitest';
import { Progress } from '../../server/src/cli/progress.js';
import { sanitize, useColor, wellFormed, wellFormedJson } from '../../server/src/cli/terminal.js';
import { defaultJobs, workerLimits } from '../../server/src/cli/pool.js';

describe('useColor', () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };
  it('colours a terminal only', () => {
    expect(useColor(tty, {}, false)).toBe(true);
    expect(useColor(pipe, {}, false)).toBe(false);
    expect(useColor(tty, { TERM: 'dumb' }, false)).toBe(false);
    expect(useColor(tty, {}, true)).toBe(false);
  });
  it('honours NO_COLOR (when not empty) and FORCE_COLOR (which wins)', () => {
    expect(useColor(tty, { NO_COLOR: '1' }, false)).toBe(false);
    expect(useColor(tty, { NO_COLOR: '' }, false)).toBe(true);
    expect(useColor(pipe, { FORCE_COLOR: '1' }, false)).toBe(true);
    expect(useColor(pipe, { FORCE_COLOR: '1' }, true)).toBe(true);
    expect(useColor(tty, { FORCE_COLOR: '0' }, false)).toBe(false);
    expect(useColor(tty, { FORCE_COLOR: 'false' }, false)).toBe(false);
    expect(useColor(pipe, { FORCE_COLOR: '1', NO_COLOR: '1' }, false)).toBe(true);
  });
});

describe('sanitize', () => {
  it('keeps documents from sending escape sequences to the terminal', () => {
    expect(sanitize('a\u001b[2Jb\rc\td\u0007\u009b')).toBe('a\ufffd[2Jb\ufffdc d\ufffd\ufffd');
    expect(wellFormed('x\ud800y\udc00z😀')).toBe('x\ufffdy\ufffdz😀');
  });
});

describe('wellFormedJson', () => {
  const byReplacer = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'string' ? wellFormed(x) : x), 2);

  it('writes each lone surrogate as U+FFFD and keeps pairs and escaped backslashes', () => {
    const value = { a: 'x\ud800y', b: ['\udc00', '😀', 'C:\\ud800', '\\\ud800', 'a\\b'], c: 3 };
    const out = wellFormedJson(value, 2);
    expect(JSON.parse(out)).toEqual({ a: 'x\ufffdy', b: ['\ufffd', '😀', 'C:\\ud800', '\\\ufffd', 'a\\b'], c: 3 });
    expect(out).toBe(byReplacer(value));
  });

  it('is JSON.stringify with a per-string replacer, on strings of surrogates, backslashes and letters', () => {
    const pieces = ['\ud800', '\udbff', '\udc00', '\udfff', '😀', '\\', 'u', 'd', '8', 'a', '"', '\n'];
    let seed = 7;
    for (let round = 0; round < 500; round++) {
      const strings = Array.from({ length: 4 }, () => {
        let s = '';
        for (let i = 0; i < 8; i++) {
          seed = (seed * 1103515245 + 12345) >>> 0;
          s += pieces[seed % pieces.length];
        }
        return s;
      });
      expect(wellFormedJson(strings, 2)).toBe(byReplacer(strings));
    }
  });
});

describe('Progress', () => {
  const stream = (isTTY = true) => {
    const out: string[] = [];
    return { out, s: { isTTY, columns: 60, write: (x: string) => out.push(x) } };
  };

  it('draws on a terminal once the delay has passed, and erases itself', () => {
    const { out, s } = stream();
    const p = new Progress(4, s, true, 0, 0);
    p.tick('docs/a.md');
    p.tick('docs/b.md');
    p.tick('docs/a-very-long-folder-name/with/a-very-long-file-name-that-does-not-fit.md');
    p.tick('docs/d.md');
    p.end();
    expect(out[0]).toMatch(/^\r\[█{6}░{18}\] 1\/4 docs\/a\.md\u001b\[K$/);
    expect(out.at(-2)).toMatch(/^\r\[█{24}\] 4\/4 docs\/d\.md\u001b\[K$/);
    expect(out.some((x) => x.includes('…') && x.length <= 60 + 8)).toBe(true);
    expect(out.at(-1)).toBe('\r\u001b[K');
  });

  it('stays silent when disabled or before the delay', () => {
    const { out, s } = stream();
    const p = new Progress(3, s, false, 0);
    p.tick('a');
    p.end();
    const late = new Progress(3, s, true, 60_000);
    late.tick('a');
    late.end();
    expect(out).toEqual([]);
  });

  it('is wanted on a terminal only, and never in CI', () => {
    expect(Progress.wanted({ isTTY: true, write: () => true }, {})).toBe(true);
    expect(Progress.wanted({ isTTY: false, write: () => true }, {})).toBe(false);
    expect(Progress.wanted({ isTTY: true, write: () => true }, { CI: 'true' })).toBe(false);
  });
});

describe('workerLimits', () => {
  it('limits worker heaps by default, and PLAINWORDS_WORKER_MEMORY_MB sets or removes the limit', () => {
    expect(workerLimits({})).toEqual({ maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 24 });
    expect(workerLimits({ PLAINWORDS_WORKER_MEMORY_MB: '32' })).toEqual({ maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 12 });
    expect(workerLimits({ PLAINWORDS_WORKER_MEMORY_MB: '0' })).toBeUndefined();
    expect(workerLimits({ PLAINWORDS_WORKER_MEMORY_MB: 'lots' })).toEqual({ maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 24 });
  });
});

describe('defaultJobs', () => {
  it('checks in one thread on 1 or 2 cores and leaves a third of larger machines to the collector and compiler threads', () => {
    expect([1, 2, 3, 4, 6, 8, 16].map((cores) => defaultJobs(cores))).toEqual([1, 1, 2, 2, 4, 5, 10]);
  });
});
