import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request as the server received it: the body byte for byte, as text. */
export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** An answer to script: a status with an optional body and headers, or `hang` (never answer). */
export type ScriptedAnswer = { status: number; body?: string; headers?: Record<string, string> } | 'hang';

export interface RecordingServer {
  /** `http://127.0.0.1:<port>` — append any path: every path is recorded and answered alike. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Answers the next requests with these, in order; then the default answer again. */
  answer(...answers: ScriptedAnswer[]): void;
  /** The answer once the script is used up (initially 200 `ok`, as Slack answers). */
  setDefault(answer: ScriptedAnswer): void;
  /** Stops listening and drops open connections: requests are refused, as by a service that is down. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A loopback HTTP server standing in for Slack, Teams or a webhook receiver: it records every
 * request and answers what the test scripts (200, 404, 500, a hang), and can go down and come
 * back on the same port. Plain Node, no test framework: e2e tests can use it too.
 */
export async function startRecordingServer({ cors = false }: { cors?: boolean } = {}): Promise<RecordingServer> {
  // `cors`: answer as a service the extension may call from its own origin (the e2e tests'
  // stand-in for the host permission a person grants when adding the notifier). Preflights are
  // answered, not recorded: they are the browser's, not a message.
  const corsHeaders: Record<string, string> = cors ? { 'Access-Control-Allow-Origin': '*' } : {};
  const requests: RecordedRequest[] = [];
  const script: ScriptedAnswer[] = [];
  let fallback: ScriptedAnswer = { status: 200, body: 'ok' };
  const sockets = new Set<Socket>();
  const hanging = new Set<ServerResponse>();

  const server: Server = createServer((req, res) => {
    if (cors && req.method === 'OPTIONS') {
      res.writeHead(204, { ...corsHeaders, 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': '*' }).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const answer = script.shift() ?? fallback;
      if (answer === 'hang') {
        hanging.add(res);
        return;
      }
      res.writeHead(answer.status, { 'Content-Type': 'text/plain; charset=utf-8', ...corsHeaders, ...answer.headers });
      res.end(answer.body ?? '');
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      for (const res of hanging) res.destroy();
      hanging.clear();
      for (const socket of sockets) socket.destroy();
    });

  const port = await listen(0);
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer: (...answers) => void script.push(...answers),
    setDefault: (answer) => void (fallback = answer),
    down: stop,
    up: async () => void (await listen(port)),
    close: stop,
  };
}
