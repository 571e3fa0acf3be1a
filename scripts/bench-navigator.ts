/**
 * `npm run bench:navigator`: many visitors chatting with navigators at once, on loopback.
 *
 * The service runs as a child process on a SQLite file, exactly as `npm start` runs it, with
 * its default limits. Visitors use the widget's transport and navigators the console's
 * connection (the real client code, over Node's `ws`). Each navigator holds three
 * conversations, as a person would. Every message carries its conversation and number, so
 * the receiving side measures delivery latency and checks that nothing is lost, doubled or
 * reordered. Three runs, each bounded in time:
 *   1. one conversation alone: the unloaded baseline;
 *   2. N conversations;
 *   3. N conversations with the service killed (SIGKILL) and restarted mid-run.
 *
 * Each side sends its next message after a pause of 0.5 to 1.5 times `--pause-ms`: a quick
 * typist, and with 1,000 conversations about 2,000 messages a second offered to the service.
 *
 * Options: --conversations N (default 1000, at most 1000), --messages M per side (default 10),
 * --per-navigator K (default 3), --pause-ms P (default 1000), --time-limit S per run (default 35).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { WebSocket as NodeWebSocket } from 'ws';
import { hashPassword, randomToken, tokenHash } from '../navigator/service/navigator-accounts.js';
import { NavigatorStore } from '../navigator/service/store.js';
import { createClientId } from '../src/handoff/client-id.js';
import type { HandoffSummary } from '../src/handoff/handoff-protocol.js';
import type { HandoffConnection, HandoffEvent } from '../src/handoff/handoff-transport.js';
import { WebSocketTransport } from '../src/handoff/websocket-transport.js';
import { NavigatorConnection, type NavigatorEvent } from '../navigator/console/navigator-connection.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ORIGIN = 'http://localhost:8080';
const BACKOFF = { initialMs: 200, maxMs: 2000 };

interface Options {
  conversations: number;
  messages: number;
  perNavigator: number;
  pauseMs: number;
  timeLimitS: number;
}

interface RunResult {
  label: string;
  conversations: number;
  expected: number;
  delivered: number;
  lost: number;
  duplicates: number;
  outOfOrder: number;
  latencies: number[];
  wallMs: number;
  serviceRssMb: number | null;
  servicePeakMb: number | null;
  clientRssMb: number;
  outageMs: number | null;
  timedOut: boolean;
  peakConnections: { visitors: number; navigators: number };
}

function parseOptions(argv: string[]): Options {
  const options: Options = { conversations: 1000, messages: 10, perNavigator: 3, pauseMs: 1000, timeLimitS: 35 };
  for (let i = 0; i < argv.length; i += 2) {
    const value = Number(argv[i + 1]);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${argv[i]} needs a positive number`);
    if (argv[i] === '--conversations') options.conversations = Math.min(1000, Math.floor(value));
    else if (argv[i] === '--messages') options.messages = Math.floor(value);
    else if (argv[i] === '--per-navigator') options.perNavigator = Math.floor(value);
    else if (argv[i] === '--pause-ms') options.pauseMs = value;
    else if (argv[i] === '--time-limit') options.timeLimitS = value;
    else throw new Error(`Unknown option ${argv[i]}`);
  }
  return options;
}

const summary = (index: number): HandoffSummary => ({
  language: index % 2 === 0 ? 'es' : 'en',
  reason: index % 10 === 0 ? 'crisis' : 'asked',
  needs: [
    { words: index % 2 === 0 ? 'necesito ayuda con la renta' : 'I need help with rent', categories: ['housing'] },
  ],
  urgent: index % 10 === 0,
  crisis: index % 10 === 0,
  crisisKinds: index % 10 === 0 ? ['suicide'] : [],
  servicesShown: [],
});

/** Starts `navigator/service/main.ts` and resolves once it listens. */
function startService(dataDir: string, port: number): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'navigator/service/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      NAVIGATOR_PORT: String(port),
      NAVIGATOR_HOST: '127.0.0.1',
      NAVIGATOR_DATA: dataDir,
      NAVIGATOR_STATIC: '',
      // Every simulated visitor comes from 127.0.0.1: lift the per-address caps that would
      // (rightly) stop 1,000 conversations from one address.
      NAVIGATOR_SOCKETS_PER_ADDRESS: '100000',
      NAVIGATOR_CONVERSATIONS_PER_ADDRESS: '100000',
      NAVIGATOR_STARTS_PER_ADDRESS: '100000/1000',
      NAVIGATOR_MAX_WAITING: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolveStart, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) resolveStart({ child, port: Number(match[1]) });
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code, signal) => {
      if (!/listening/.test(output)) reject(new Error(`service exited (${code ?? signal}): ${output}`));
    });
  });
}

/** Resident and peak memory of a process, from /proc (Linux); null elsewhere. */
function processMemoryMb(pid: number | undefined): { rss: number | null; peak: number | null } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const read = (field: string) => {
      const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status);
      return match ? Number(match[1]) / 1024 : null;
    };
    return { rss: read('VmRSS'), peak: read('VmHWM') };
  } catch {
    return { rss: null, peak: null };
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function run(label: string, options: Options, restartMidRun: boolean): Promise<RunResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-navigator-'));
  const navigatorCount = Math.ceil(options.conversations / options.perNavigator);
  // Sessions go straight into the database: the benchmark measures chat, not scrypt.
  const store = new NavigatorStore(dataDir);
  const passwordHash = await hashPassword(randomToken(), 14);
  const tokens: string[] = [];
  for (let i = 0; i < navigatorCount; i++) {
    store.saveNavigator(`navigator-${i}`, `Navigator ${i}`, passwordHash, Date.now());
    const token = randomToken();
    store.createSession(
      tokenHash(token),
      (store.findNavigator(`navigator-${i}`) as { id: number }).id,
      Date.now() + 3_600_000,
    );
    tokens.push(token);
  }
  store.close();

  let service = await startService(dataDir, 0);
  const url = `http://127.0.0.1:${service.port}`;
  const started = performance.now();
  const deadline = started + options.timeLimitS * 1000;
  const expected = options.conversations * options.messages * 2;

  // What was sent, when, and what arrived.
  const sentAt = new Map<string, number>();
  const received = new Set<string>();
  const lastNumber = new Map<string, number>();
  const latencies: number[] = [];
  let duplicates = 0;
  let outOfOrder = 0;
  const receive = (text: string) => {
    const now = performance.now();
    const [side, conversation, number] = text.split(':');
    if (received.has(text)) {
      duplicates++;
      return;
    }
    received.add(text);
    const key = `${side}:${conversation}`;
    const n = Number(number);
    if (n !== (lastNumber.get(key) ?? 0) + 1) outOfOrder++;
    lastNumber.set(key, n);
    const at = sentAt.get(text);
    if (at !== undefined) latencies.push(now - at);
  };

  // Navigators first: a visitor with nobody signed in is told "offline".
  const navigators: NavigatorConnection[] = [];
  const conversationIndex = new Map<string, number>();
  let helloCount = 0;
  for (let i = 0; i < navigatorCount; i++) {
    const token = tokens[i] as string;
    const connection: NavigatorConnection = new NavigatorConnection(
      {
        serviceUrl: url,
        createSocket: (socketUrl) =>
          new NodeWebSocket(socketUrl, { headers: { Authorization: `Bearer ${token}` } }) as unknown as WebSocket,
        backoff: BACKOFF,
      },
      (event: NavigatorEvent) => {
        if (event.type === 'hello') helloCount++;
        // Take this navigator's share of the queue; after a restart, take again what a lost
        // claim left waiting, as a person at the console would.
        if (event.type === 'queue') {
          for (const entry of event.entries) {
            const index = conversationIndex.get(entry.id);
            if (index !== undefined && Math.floor(index / options.perNavigator) === i) connection.claim(entry.id);
          }
        }
        if (event.type === 'message' && event.message.from === 'visitor') receive(event.message.text);
        if (event.type === 'conversation' && event.messages.length === 0 && event.conversation.state === 'active') {
          const index = conversationIndex.get(event.conversation.id);
          if (index !== undefined && !navigatorLoops.has(index)) {
            navigatorLoops.add(index);
            void sendLoop('n', index, (clientId, text) => {
              connection.send(event.conversation.id, clientId, text);
            });
          }
        }
      },
    );
    navigators.push(connection);
    connection.start();
  }
  const navigatorLoops = new Set<number>();
  while (helloCount < navigatorCount && performance.now() < deadline) await sleep(20);

  /** Sends one side's messages with a pause of 0.5–1.5 × `pauseMs` before each. */
  async function sendLoop(
    side: 'v' | 'n',
    index: number,
    send: (clientId: string, text: string) => void,
  ): Promise<void> {
    for (let n = 1; n <= options.messages; n++) {
      await sleep(options.pauseMs * (0.5 + Math.random()));
      const text = `${side}:${index}:${n}`;
      sentAt.set(text, performance.now());
      send(createClientId(), text);
    }
  }

  const visitors: HandoffConnection[] = [];
  for (let index = 0; index < options.conversations; index++) {
    const transport = new WebSocketTransport({
      serviceUrl: url,
      createSocket: (socketUrl) => new NodeWebSocket(socketUrl, { origin: ORIGIN }) as unknown as WebSocket,
      backoff: BACKOFF,
    });
    let visitorLoop = false;
    const connection = transport.open({ summary: summary(index) }, (event: HandoffEvent) => {
      if (event.type === 'connected' && !event.resumed) {
        conversationIndex.set(event.conversationId, index);
        navigators[Math.floor(index / options.perNavigator)]?.claim(event.conversationId);
      }
      if (event.type === 'navigator-joined' && !visitorLoop) {
        visitorLoop = true;
        void sendLoop('v', index, (clientId, text) => connection.send(clientId, text));
      }
      if (event.type === 'message') receive(event.text);
    });
    visitors.push(connection);
    // Arrivals spread over about two seconds, not one burst of SYNs.
    if (index % 50 === 49) await sleep(100);
  }

  let outageMs: number | null = null;
  if (restartMidRun) {
    while (received.size < expected * 0.4 && performance.now() < deadline) await sleep(10);
    const killedAt = performance.now();
    service.child.kill('SIGKILL');
    await new Promise((done) => service.child.once('exit', done));
    service = await startService(dataDir, service.port);
    outageMs = performance.now() - killedAt;
  }

  let peak = processMemoryMb(service.child.pid);
  let peakConnections = { visitors: 0, navigators: 0 };
  let lastHealth = 0;
  while (received.size < expected && performance.now() < deadline) {
    await sleep(50);
    const now = processMemoryMb(service.child.pid);
    if ((now.rss ?? 0) > (peak.rss ?? 0)) peak = now;
    if (performance.now() - lastHealth > 500) {
      lastHealth = performance.now();
      const health = await fetch(`http://127.0.0.1:${service.port}/health`, {
        headers: { Authorization: `Bearer ${tokens[0]}` },
      })
        .then((response) => response.json() as Promise<{ visitors: number; navigators: number }>)
        .catch(() => null);
      if (health && health.visitors > peakConnections.visitors) peakConnections = health;
    }
  }
  const wallMs = performance.now() - started;
  const clientRssMb = process.memoryUsage().rss / 1024 / 1024;

  for (const visitor of visitors) visitor.close();
  for (const navigator of navigators) navigator.stop();
  service.child.kill('SIGTERM');
  await new Promise((done) => service.child.once('exit', done));
  rmSync(dataDir, { recursive: true, force: true });

  return {
    label,
    conversations: options.conversations,
    expected,
    delivered: received.size,
    lost: expected - received.size,
    duplicates,
    outOfOrder,
    latencies,
    wallMs,
    serviceRssMb: peak.rss,
    servicePeakMb: peak.peak,
    clientRssMb,
    outageMs,
    timedOut: received.size < expected,
    peakConnections,
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

function report(result: RunResult): void {
  const sorted = [...result.latencies].sort((a, b) => a - b);
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const mb = (value: number | null) => (value === null ? 'n/a' : `${value.toFixed(0)} MB`);
  console.log(`\n${result.label}`);
  console.log(`  conversations        ${result.conversations} (${result.expected} messages, both ways)`);
  console.log(
    `  open at once         ${result.peakConnections.visitors} visitor and ${result.peakConnections.navigators} navigator connections (peak sampled)`,
  );
  console.log(
    `  delivery latency     p50 ${ms(percentile(sorted, 50))}   p95 ${ms(percentile(sorted, 95))}   p99 ${ms(percentile(sorted, 99))}   max ${ms(sorted.at(-1) ?? Number.NaN)}`,
  );
  console.log(`  messages lost        ${result.lost}${result.timedOut ? '  (time limit reached)' : ''}`);
  console.log(`  duplicates           ${result.duplicates}`);
  console.log(`  out of order         ${result.outOfOrder}`);
  if (result.outageMs !== null)
    console.log(`  service down         ${ms(result.outageMs)} (SIGKILL, then restart on the same file)`);
  console.log(
    `  service memory       ${mb(result.serviceRssMb)} resident at peak sample (high-water ${mb(result.servicePeakMb)})`,
  );
  console.log(`  bench client memory  ${mb(result.clientRssMb)} (all visitors and navigators, one process)`);
  console.log(`  wall time            ${(result.wallMs / 1000).toFixed(1)} s`);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  console.log(
    `Navigator service benchmark: ${options.conversations} conversations, ${options.messages} messages each way, ` +
      `${options.perNavigator} conversations per navigator, a message every ~${options.pauseMs} ms per side, ` +
      `default service limits, loopback, ${process.platform} ${process.arch}, ${cpus().length} CPUs, Node ${process.version}`,
  );
  const results = [
    await run('Baseline: one conversation alone', { ...options, conversations: 1 }, false),
    await run(`${options.conversations} concurrent conversations`, options, false),
    await run(`${options.conversations} concurrent conversations, service killed and restarted mid-run`, options, true),
  ];
  for (const result of results) report(result);
  const failed = results.some((r) => r.lost > 0 || r.duplicates > 0 || r.outOfOrder > 0);
  if (failed) {
    console.log('\nFAILED: a message was lost, doubled or reordered.');
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
