/**
 * The language server spoken to in raw JSON-RPC frames: for tests that need to control exactly which
 * messages arrive together (a request and its cancellation in one write) and to see every response,
 * including those to requests a protocol library would not know about.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'child_process';
import * as path from 'path';
import { PROJECT_ROOT } from '../support/paths';

export interface RawMessage {
  readonly id?: number | string | null;
  readonly method?: string;
  readonly params?: unknown;
  readonly result?: unknown;
  readonly error?: { readonly code: number; readonly message: string };
}

export class RawServer {
  readonly received: RawMessage[] = [];
  private buffer = Buffer.alloc(0);
  private readonly waiters = new Set<() => void>();
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcessWithoutNullStreams;

  constructor() {
    this.child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'server.js'), '--stdio'], { stdio: 'pipe' });
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => { resolve(code); }));
    this.child.stdout.on('data', (chunk: Buffer) => { this.read(chunk); });
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/iu.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      this.received.push(JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as RawMessage);
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      for (const w of [...this.waiters]) w();
    }
  }

  /** Writes the messages in one write, so that they arrive together. */
  write(...messages: readonly RawMessage[]): void {
    this.child.stdin.write(
      Buffer.concat(
        messages.map((m) => {
          const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...m }), 'utf8');
          return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
        }),
      ),
    );
  }

  waitFor(test: (m: RawMessage) => boolean, timeoutMs = 30_000): Promise<RawMessage> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const found = this.received.find(test);
        if (!found) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`no matching message within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  response(id: number | string): Promise<RawMessage> {
    return this.waitFor((m) => m.id === id && m.method === undefined);
  }

  async initialize(): Promise<void> {
    this.write({ id: 'init', method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
    await this.response('init');
    this.write({ method: 'initialized', params: {} });
  }

  async shutdown(): Promise<number | null> {
    this.write({ id: 'shutdown', method: 'shutdown' });
    await this.response('shutdown');
    this.write({ method: 'exit' });
    return this.exited;
  }

  /** Ends the server's standard input, as an editor that goes away does. */
  closeInput(): void {
    this.child.stdin.end();
  }

  kill(): void {
    this.child.kill();
  }
}
