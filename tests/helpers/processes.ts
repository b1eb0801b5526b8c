/**
 * More Strapi processes on the test's database (read-also-process.js), for tests of work shared
 * between processes: each appends what it did to one log file the test reads; and an archive for them to share.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import type { Core } from '@strapi/strapi';
import { createArticle, paragraphs } from './fixtures';

export type ProcessEvent = { pid: number; event: string; subject?: string };

export async function until(condition: () => boolean | Promise<boolean>, what: string, { timeoutMs = 90_000, everyMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export class StrapiProcesses {
  readonly log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'read-also-processes-')), 'events.log');
  private readonly started: ChildProcess[] = [];

  /** Lines the processes wrote: "<pid> ready", "<pid> done <documentId>", "<pid> page <n>". */
  events(event?: string): ProcessEvent[] {
    if (!fs.existsSync(this.log)) return [];
    return fs
      .readFileSync(this.log, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [pid, name, subject] = line.split(' ');
        return { pid: Number(pid), event: name, subject };
      })
      .filter((line) => event === undefined || line.event === event);
  }

  /** Boots one more process with these settings and resolves once it is ready. */
  async start(env: Record<string, string>): Promise<ChildProcess> {
    const child = spawn(process.execPath, [path.join(__dirname, 'read-also-process.js'), this.log], {
      env: { ...process.env, STRAPI_LOG_LEVEL: 'error', ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    this.started.push(child);
    await until(() => this.events('ready').some((line) => line.pid === child.pid), `process ${child.pid} to boot`);
    return child;
  }

  async kill(child: ChildProcess): Promise<void> {
    child.kill('SIGKILL');
    if (child.exitCode === null && child.signalCode === null) await new Promise((resolve) => child.once('exit', resolve));
  }

  stopAll(): void {
    for (const child of this.started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    fs.rmSync(path.dirname(this.log), { recursive: true, force: true });
  }
}

const TOPICS = ['harbour strike', 'wheat harvest', 'rail tunnel', 'hospital budget', 'river flood', 'school reform'];

/** Published stories on six subjects, so each has neighbours to rank and be ranked by; their documentIds in order. */
export async function topicalArchive(strapi: Core.Strapi, count: number): Promise<string[]> {
  const archive: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const topic = TOPICS[i % TOPICS.length];
    const article = await createArticle(strapi, {
      title: `Day ${i} of the ${topic}`,
      body: paragraphs(`Officials spoke about the ${topic} on day ${i}; the ${topic} is in its ${i}th week, ${topic} reporters say.`),
    });
    archive.push(article.documentId);
  }
  return archive;
}
