/**
 * Runs one command as a child process and measures it: wall time, and peak memory
 * as the largest resident set of the whole process tree (sum of VmRSS over the child
 * and its descendants, sampled every 100 ms from /proc), next to the kernel's
 * ru_maxrss of the largest single descendant (exact, but per process).
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

export interface Measured {
  ms: number;
  /** Peak of the summed RSS of the process tree, in bytes (sampled). */
  peakTreeRss: number;
  /** Largest single process's max RSS, in bytes (from the kernel, via /usr/bin/time when available). */
  maxProcessRss: number;
  /** User + system CPU time of the child and its descendants, in ms (0 without /usr/bin/time). */
  cpuMs: number;
  code: number;
  stdout: string;
  stderr: string;
}

function children(): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/u.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = out.get(ppid);
      if (list) list.push(Number(e));
      else out.set(ppid, [Number(e)]);
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/u.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function treeRss(root: number): number {
  const kids = children();
  let sum = 0;
  const stack = [root];
  while (stack.length) {
    const p = stack.pop()!;
    sum += rssOf(p);
    stack.push(...(kids.get(p) ?? []));
  }
  return sum;
}

let haveTime: boolean | null = null;
function timeAvailable(): boolean {
  if (haveTime === null) {
    try {
      readFileSync('/usr/bin/time');
      haveTime = true;
    } catch {
      haveTime = false;
    }
  }
  return haveTime;
}

export function measure(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<Measured> {
  const useTime = timeAvailable();
  const [file, argv] = useTime ? ['/usr/bin/time', ['-f', '__MAXRSS_KB__ %M %U %S', cmd, ...args]] : [cmd, args];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(file, argv as string[], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    let peak = 0;
    const timer = setInterval(() => {
      if (child.pid) peak = Math.max(peak, treeRss(child.pid));
    }, 100);
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      const ms = performance.now() - t0;
      let maxProcessRss = 0;
      let cpuMs = 0;
      const m = /__MAXRSS_KB__ (\d+) ([\d.]+) ([\d.]+)\s*$/u.exec(stderr);
      if (m) {
        maxProcessRss = Number(m[1]) * 1024;
        cpuMs = (Number(m[2]) + Number(m[3])) * 1000;
        stderr = stderr.slice(0, m.index);
      }
      resolve({ ms, peakTreeRss: Math.max(peak, maxProcessRss), maxProcessRss, cpuMs, code: code ?? 1, stdout, stderr });
    });
  });
}
