/**
 * The connection over standard input and output (`--stdio`), with each message written in one
 * write. vscode-jsonrpc's stream writer writes the header, waits for its callback, then writes the
 * body: two writes to the pipe per message, each waking the client, which reads half a message
 * the first time. On a busy machine that second wake-up is most of an edit's round trip (a profile
 * of the server under edits put the header's write at 12 % of its time), so here header and body
 * go out together.
 *
 * Given a reader and a writer rather than the streams, vscode-languageserver leaves two things
 * undone that it does for `--stdio`, and this does them: it ends the process when the input ends
 * (exit 0 after a shutdown request, else 1), and it sends what the process writes to `console` to
 * the client's log, for a `console.log` on standard output would corrupt the protocol.
 */
import { format, inspect } from 'util';
import {
  AbstractMessageWriter,
  createConnection,
  ProposedFeatures,
  StreamMessageReader,
  type Connection,
  type Message,
  type MessageWriter,
  type RemoteConsole,
} from 'vscode-languageserver/node';

/** Writes each message as its header and body in one write of the stream. */
export class OneWriteMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;

  constructor(private readonly output: NodeJS.WritableStream) {
    super();
    output.on('error', (error: Error) => { this.fireError(error); });
    output.on('close', () => { this.fireClose(); });
  }

  write(message: Message): Promise<void> {
    let body: string;
    try {
      body = JSON.stringify(message);
    } catch (error) {
      this.fireError(error, message, ++this.errorCount);
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    // JSON.stringify escapes lone surrogates, so the body is well-formed and its UTF-8 length is what is written.
    const wire = `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
    return new Promise((resolve, reject) => {
      this.output.write(wire, 'utf8', (error?: Error | null) => {
        if (error) {
          this.fireError(error, message, ++this.errorCount);
          reject(error);
        } else {
          this.errorCount = 0;
          resolve();
        }
      });
    });
  }

  end(): void {
    this.output.end();
  }
}

/** `console.*` to the client's log (its output channel), as vscode-languageserver does for `--stdio`. */
export function consoleToClient(remote: RemoteConsole): void {
  const to = (level: 'log' | 'info' | 'warn' | 'error') => (...args: unknown[]): void => { remote[level](format(...args)); };
  // Node's console builds count, table, time*, assert and trace on these.
  console.log = to('log');
  console.debug = to('log');
  console.info = to('info');
  console.warn = to('warn');
  console.error = to('error');
  console.dir = (item: unknown, options?: object): void => { remote.log(inspect(item, options)); };
}

/** The options createConnection takes (the last of its overloads, whose fourth parameter they are). */
type ConnectionOptions = Parameters<typeof createConnection>[3];

/** The connection on this process's standard input and output. */
export function stdioConnection(options: ConnectionOptions): Connection {
  const input = process.stdin;
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(input), new OneWriteMessageWriter(process.stdout), options);
  let shutdownReceived = false;
  connection.onShutdown(() => { shutdownReceived = true; });
  const end = (): void => { process.exit(shutdownReceived ? 0 : 1); };
  input.on('end', end);
  input.on('close', end);
  consoleToClient(connection.console);
  return connection;
}
