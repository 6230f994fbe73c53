/**
 * A progress bar on standard error, for long runs on a terminal only: it appears once a run
 * has taken more than half a second, redraws at most ten times a second, and is erased at the
 * end, so logs, pipes and CI output never contain it.
 */
import { sanitize } from './terminal.js';

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(s: string): unknown;
}

export class Progress {
  private done = 0;
  private shown = false;
  private last = 0;
  private readonly started = Date.now();

  constructor(
    private readonly total: number,
    private readonly stream: ProgressStream,
    private readonly enabled: boolean,
    private readonly delayMs = 500,
    private readonly intervalMs = 100,
  ) {}

  static wanted(stream: ProgressStream, env: NodeJS.ProcessEnv): boolean {
    return !!stream.isTTY && !env.CI && env.TERM !== 'dumb';
  }

  tick(path: string): void {
    this.done++;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.started < this.delayMs || (now - this.last < this.intervalMs && this.done < this.total)) return;
    this.last = now;
    this.shown = true;
    const width = Math.max(40, (this.stream.columns ?? 80) - 1);
    const barWidth = 24;
    const filled = Math.round((this.done / this.total) * barWidth);
    const head = `[${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}] ${this.done}/${this.total} `;
    const room = width - head.length;
    const name = sanitize(path);
    const tail = room <= 1 ? '' : name.length > room ? '…' + name.slice(name.length - room + 1) : name;
    this.stream.write(`\r${head}${tail}\u001b[K`);
  }

  /** Erase the bar (before anything else is written to the terminal). */
  end(): void {
    if (this.shown) this.stream.write('\r\u001b[K');
    this.shown = false;
  }
}
