// The whole command line on ../shared/corpus: wall time, MB/s and peak memory (RSS) with one
// worker and with all cores, beside alex and the unified + remark-parse + remark-retext +
// retext-english + retext-simplify pipeline on the same files, in the same run.
// Peak memory comes from /usr/bin/time -v (Debian package "time") when it is there, else from
// process.resourceUsage() in a preloaded module. Goals: at least 10x the peers' throughput and
// under 300 MB peak memory.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { absent, corpusDir, mb } from './corpus.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
if (!existsSync(corpusDir)) {
  absent('whole command line figures');
  process.exit(0);
}

// The files every tool is given: the corpus folder, walked the same way.
const files = [];
const walk = (d) => {
  for (const name of readdirSync(d).sort()) {
    const full = join(d, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (/\.(md|markdown|txt)$/i.test(name)) files.push(full);
  }
};
walk(corpusDir);
const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
const size = mb(bytes);
const work = mkdtempSync(join(tmpdir(), 'plainwords-bench-'));
const list = join(work, 'files.txt');
writeFileSync(list, files.join('\n'));

const gnuTime = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-v', 'true'], { encoding: 'utf8' }).status === 0;
const preload = join(work, 'rss.cjs');
writeFileSync(preload, "process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeFileSync(process.env.PLAINWORDS_BENCH_RSS, `${u.maxRSS} ${(u.userCPUTime + u.systemCPUTime) / 1000}`); });\n");

/** Run a node script; returns wall ms, peak RSS in MB and the exit status. Output is discarded. */
function measure(args, env = {}) {
  const rssFile = join(work, `rss-${Math.random().toString(36).slice(2)}`);
  const timeFile = `${rssFile}.time`;
  const cmd = gnuTime ? ['/usr/bin/time', ['-v', '-o', timeFile, process.execPath, ...args]] : [process.execPath, ['--require', preload, ...args]];
  const t0 = performance.now();
  const r = spawnSync(cmd[0], cmd[1], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env, PLAINWORDS_BENCH_RSS: rssFile }, maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  let rssKb;
  let cpuMs;
  if (gnuTime) {
    const report = readFileSync(timeFile, 'utf8');
    rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(report)?.[1]);
    cpuMs = 1000 * (Number(/User time \(seconds\): ([\d.]+)/.exec(report)?.[1]) + Number(/System time \(seconds\): ([\d.]+)/.exec(report)?.[1]));
  } else [rssKb, cpuMs] = readFileSync(rssFile, 'utf8').split(' ').map(Number);
  return { ms, cpuMs, rss: rssKb / 1024, status: r.status, stderr: r.stderr.toString().slice(-500) };
}

console.log(`${files.length} files, ${size.toFixed(2)} MB; ${availableParallelism()} cores; peak memory from ${gnuTime ? '/usr/bin/time -v' : 'process.resourceUsage() (no /usr/bin/time)'}`);
const cli = join(root, 'dist/cli.js');
const rows = [];
const row = (name, r) => {
  rows.push({ name, ...r });
  console.log(
    `${name.padEnd(52)} ${(r.ms / 1000).toFixed(1).padStart(6)} s wall ${(size / (r.ms / 1000)).toFixed(2).padStart(6)} MB/s ${(r.cpuMs / 1000).toFixed(1).padStart(6)} s CPU ${r.rss.toFixed(0).padStart(5)} MB peak  (exit ${r.status})`,
  );
};

// Exit code 0 or 1 (findings over the gate) is a finished run; 2 would mean the run failed.
const one = measure([cli, 'check', '--jobs', '1', '--no-progress', corpusDir]);
row('plainwords check, 1 worker (--jobs 1)', one);
const cores = availableParallelism();
const all = measure([cli, 'check', '--jobs', String(cores), '--no-progress', corpusDir]);
row(`plainwords check, all cores (--jobs ${cores})`, all);
// With no --jobs: the command line's own default (pool.ts defaultJobs, docs/cli.md).
const json = measure([cli, 'check', '--no-progress', '--format', 'sarif', corpusDir]);
row('plainwords check --format sarif, default --jobs', json);
for (const r of [one, all, json]) if (r.status === 2) console.log(`plainwords failed: ${r.stderr}`);

const alex = measure([join(root, 'node_modules/alex/cli.js'), '--quiet', corpusDir]);
row('alex (node_modules/alex/cli.js)', alex);
const peer = measure([fileURLToPath(new URL('./peer-pipeline.mjs', import.meta.url)), list]);
row('unified + remark-retext + retext-simplify pipeline', peer);
if (peer.status !== 0) console.log(`peer pipeline failed: ${peer.stderr}`);

const best = Math.min(one.ms, all.ms);
console.log('');
console.log(`throughput vs alex: ${(alex.ms / best).toFixed(1)}x (1 worker ${(alex.ms / one.ms).toFixed(1)}x, all cores ${(alex.ms / all.ms).toFixed(1)}x); goal at least 10x: ${alex.ms / best >= 10 ? 'MET' : 'MISSED'}`);
console.log(`throughput vs the retext-simplify pipeline: ${(peer.ms / best).toFixed(1)}x (1 worker ${(peer.ms / one.ms).toFixed(1)}x, all cores ${(peer.ms / all.ms).toFixed(1)}x); goal at least 10x: ${peer.ms / best >= 10 ? 'MET' : 'MISSED'}`);
console.log(`CPU time (what the machine's load does not change much): ${(alex.cpuMs / one.cpuMs).toFixed(1)}x less than alex, ${(peer.cpuMs / one.cpuMs).toFixed(1)}x less than the pipeline (1 worker)`);
console.log(`peak memory: ${one.rss.toFixed(0)} MB with 1 worker, ${all.rss.toFixed(0)} MB with all cores, ${json.rss.toFixed(0)} MB writing SARIF (alex ${alex.rss.toFixed(0)} MB, pipeline ${peer.rss.toFixed(0)} MB); goal under 300 MB in every run: ${Math.max(one.rss, all.rss, json.rss) < 300 ? 'MET' : 'MISSED'}`);
rmSync(work, { recursive: true, force: true });
