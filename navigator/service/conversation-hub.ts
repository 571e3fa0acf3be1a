/**
 * The live part of the navigator service: which sockets belong to which conversation, what
 * each frame does, and who hears about it. It knows nothing of HTTP or WebSocket; a
 * connection is a {@link Peer} that can send a string and be closed.
 *
 * Every change is written to the store first, then announced. Because the store is
 * synchronous and Node runs one frame at a time, the frames a socket receives for a
 * conversation cover its sequence numbers without gaps: the backlog it asked for when it
 * attached, then each new message as it is stored.
 */
import type {
  CallbackRequest,
  ConversationDetail,
  ConversationState,
  EndedBy,
  HandoffError,
  HandoffSummary,
  NavigatorFrame,
  OfflineReason,
  QueueEntry,
  ServiceToNavigatorFrame,
  ServiceToVisitorFrame,
  TranscriptMessage,
  VisitorFrame,
} from '../../src/handoff/handoff-protocol.js';
import type { ContactRecord, MessageContent } from '../../src/handoff/message-content.js';
import { CLOSE_CODES } from '../../src/handoff/handoff-protocol.js';
import { AdmissionControl } from './admission-control.js';
import type { NavigatorServiceConfig } from './config.js';
import { safetyCheckOf } from '../../src/handoff/transcript-content.js';
import { DeskStore } from './desk-store.js';
import { followUpDueAt } from './follow-up-time.js';
import { randomToken, sameHash, tokenHash } from './navigator-accounts.js';
import { isOpenAt } from './operating-hours.js';
import { messageTextProblem } from '../../src/handoff/message-text.js';
import { parseNavigatorFrame, parseVisitorFrame } from './protocol.js';
import { compareQueueItems, orderQueue } from './queue.js';
import { QueueChanges } from './queue-changes.js';
import { fullBucket, takeToken, type TokenBucket } from './rate-limiter.js';
import { conversationFull, ended, noConversation, rateLimited, retryAfter } from './service-errors.js';
import type { NavigatorAccount, NavigatorStore, StoredConversation } from './store.js';

/** One open connection, as the hub sees it. */
export interface Peer {
  send(data: string): void;
  close(code: number, reason: string): void;
}

/** What both kinds of connection keep for admission control. */
interface Metered {
  bucket: TokenBucket;
  /** Invalid frames so far; a few are tolerated, then the connection is closed. */
  invalidFrames: number;
  /** Frames refused for the rate limit since the last accepted one. */
  refusedInARow: number;
}

/** A visitor's connection. */
export interface VisitorConnection extends Metered {
  readonly peer: Peer;
  /** The source address's key (see `client-address.ts`), for per-address caps. Memory only. */
  readonly address: string;
  conversationId: string | null;
  /** The last queue position sent, so a visitor hears only about changes. */
  lastPosition: number | null;
  /** When the last frame arrived: the widget pings every 20 s, a silent socket is idle. */
  lastFrameAt: number;
}

/** A navigator's connection (one per open console tab). */
export interface NavigatorConnection extends Metered {
  readonly peer: Peer;
  readonly navigator: NavigatorAccount;
  /** The session it was opened with; when that session ends, so does the connection. */
  readonly sessionHash: string;
  /** Conversations this connection has claimed or opened, and so receives live. */
  readonly opened: Set<string>;
}

/** Whether a navigator can take a new conversation now. */
export type Availability = { open: true } | { open: false; reason: OfflineReason };

/** A message accepted but not yet stored. */
interface PendingMessage {
  conversationId: string;
  sender: 'visitor' | 'navigator';
  clientId: string;
  text: string;
  content?: MessageContent;
  from: VisitorConnection | NavigatorConnection;
}

type HubConfig = Pick<
  NavigatorServiceConfig,
  | 'hours'
  | 'maxMessageLength'
  | 'visitorRate'
  | 'navigatorRate'
  | 'queueUpdateDelayMs'
  | 'abandonAfterMinutes'
  | 'retentionDays'
  | 'limits'
>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Routes frames between visitors and navigators through the store. */
export class ConversationHub {
  private readonly visitorsByConversation = new Map<string, Set<VisitorConnection>>();
  private readonly visitorConnections = new Set<VisitorConnection>();
  private readonly navigatorConnections = new Set<NavigatorConnection>();
  /** Waiting conversations, mirrored from the store so queue positions cost no query. */
  private readonly waiting = new Map<string, QueueEntry>();
  /** The queue as consoles last heard it, so they are sent only changes. */
  private readonly queueSent = new QueueChanges();
  /** Per-address caps and blocks. */
  readonly admission: AdmissionControl;
  private queueTimer: ReturnType<typeof setTimeout> | null = null;
  /** Messages accepted in this turn of the event loop, stored together (see `queueMessage`). */
  private pending: PendingMessage[] = [];
  /** Contact records and follow-ups. */
  private readonly desk: DeskStore;

  constructor(
    private readonly store: NavigatorStore,
    private readonly config: HubConfig,
    private readonly now: () => number = Date.now,
    private readonly onError: (context: string, error: unknown) => void = () => {},
    /** A navigator saved a contact record (and `previous`, when correcting one): for the needs counts. */
    private readonly onRecordSaved: (
      record: ContactRecord,
      previous: ContactRecord | undefined,
      language: string,
    ) => void = () => {},
  ) {
    this.desk = new DeskStore(store.database);
    this.admission = new AdmissionControl(config.limits, now);
    this.reloadWaiting();
    this.queueSent.changes([...this.waiting.values()]);
  }

  /** Whether a new conversation would reach a navigator now, and if not, why. */
  availability(): Availability {
    if (!isOpenAt(this.config.hours, new Date(this.now()))) return { open: false, reason: 'after-hours' };
    if (this.navigatorConnections.size === 0) return { open: false, reason: 'no-navigators' };
    return { open: true };
  }

  /** Number of open connections, for logs and the benchmark. */
  connectionCounts(): { visitors: number; navigators: number; waiting: number } {
    return {
      visitors: this.visitorConnections.size,
      navigators: this.navigatorConnections.size,
      waiting: this.waiting.size,
    };
  }

  /** Open navigator connections of one navigator, for the per-navigator socket cap. */
  navigatorSockets(navigatorId: number): number {
    let count = 0;
    for (const connection of this.navigatorConnections) if (connection.navigator.id === navigatorId) count++;
    return count;
  }

  // ----- visitors -----

  /** Registers a new visitor connection from a source address's key. */
  connectVisitor(peer: Peer, address = 'unknown'): VisitorConnection {
    const now = this.now();
    const connection: VisitorConnection = {
      peer,
      address,
      conversationId: null,
      bucket: fullBucket(this.config.visitorRate, now),
      invalidFrames: 0,
      refusedInARow: 0,
      lastPosition: null,
      lastFrameAt: now,
    };
    this.visitorConnections.add(connection);
    return connection;
  }

  /** Handles one frame from a visitor. Every frame, a ping too, costs a token. */
  visitorFrame(connection: VisitorConnection, data: string): void {
    connection.lastFrameAt = this.now();
    const parsed = parseVisitorFrame(data);
    const limited = this.limit(connection, this.config.visitorRate);
    if (!parsed.ok) {
      this.invalidFrame(connection, parsed.error, limited);
      return;
    }
    const frame = parsed.value;
    if (limited !== null) {
      // Pings and typing indicators are worth nothing late: drop them quietly.
      if (this.refused(connection) && frame.type !== 'ping' && frame.type !== 'typing') {
        sendVisitor(connection, { type: 'error', ...rateLimited(limited, clientIdOf(frame)) });
      }
      return;
    }
    connection.refusedInARow = 0;
    if (frame.type === 'ping') {
      sendVisitor(connection, { type: 'pong' });
      return;
    }
    if (frame.type !== 'send' && frame.type !== 'typing') this.flushMessages();
    switch (frame.type) {
      case 'start':
        this.start(connection, frame.startId, frame.summary);
        return;
      case 'resume':
        this.resume(connection, frame.conversationId, frame.secret, frame.after);
        return;
      case 'send':
        this.visitorSend(connection, frame.clientId, frame.text, frame.content);
        return;
      case 'follow-up':
        this.followUp(connection, frame);
        return;
      case 'typing':
        this.visitorTyping(connection, frame.typing);
        return;
      case 'end':
        if (!connection.conversationId) {
          sendVisitor(connection, { type: 'error', ...noConversation() });
          return;
        }
        this.endConversation(connection.conversationId, 'visitor');
        return;
      case 'request-callback':
        this.requestCallback(connection, frame);
        return;
    }
  }

  /** Forgets a closed visitor connection. */
  disconnectVisitor(connection: VisitorConnection): void {
    this.visitorConnections.delete(connection);
    const id = connection.conversationId;
    if (!id) return;
    const set = this.visitorsByConversation.get(id);
    set?.delete(connection);
    if (set && set.size === 0) this.visitorsByConversation.delete(id);
    connection.conversationId = null;
    const conversation = this.store.conversation(id);
    if (!conversation) return;
    this.store.touchVisitor(id, this.now());
    this.announcePresence(conversation);
  }

  /**
   * Ends a conversation for a visitor holding its secret, outside any socket (the quick-exit
   * beacon). False when the id and secret do not match a conversation.
   */
  endWithSecret(conversationId: string, secret: string): boolean {
    this.flushMessages();
    const conversation = this.store.conversation(conversationId);
    if (!conversation || !sameHash(tokenHash(secret), conversation.secretHash)) return false;
    this.endConversation(conversationId, 'visitor');
    return true;
  }

  private start(connection: VisitorConnection, startId: string, summary: HandoffSummary): void {
    if (connection.conversationId) {
      sendVisitor(connection, {
        type: 'error',
        code: 'invalid-frame',
        message: 'This connection already has a conversation; open a new connection to start another.',
      });
      return;
    }
    const startIdHash = tokenHash(startId);
    const existing = this.store.conversationByStartId(startIdHash);
    if (existing) {
      // The visitor sent this start before and its answer was lost with the connection: give
      // them a new secret for the same conversation. Only shortly after the start, only while
      // nobody is attached to it, and only until the visitor has used a secret.
      const replayable =
        !existing.secretConfirmed &&
        existing.state !== 'ended' &&
        this.now() - existing.waitingSince <= this.config.limits.startReplayMs &&
        !this.visitorsByConversation.has(existing.id);
      if (!replayable) {
        sendVisitor(connection, {
          type: 'error',
          code: 'invalid-frame',
          message: 'This start id was already used; resume the conversation with its secret.',
        });
        return;
      }
      const secret = randomToken(32);
      this.store.replaceSecret(existing.id, tokenHash(secret));
      sendVisitor(connection, { type: 'started', conversationId: existing.id, secret });
      this.attachVisitor(connection, existing);
      this.sendVisitorState(connection, existing);
      return;
    }
    const availability = this.availability();
    if (!availability.open) {
      sendVisitor(connection, { type: 'offline', reason: availability.reason });
      return;
    }
    // Too many from this address, or the queue is full: the widget offers phone, text and a
    // callback, as when nobody is available (the protocol has no reason that blames the visitor).
    if (!this.admission.admitStart(connection.address, this.waiting.size).ok) {
      sendVisitor(connection, { type: 'offline', reason: 'no-navigators' });
      return;
    }
    const id = randomToken(16);
    const secret = randomToken(32);
    const now = this.now();
    this.store.createConversation({ id, secretHash: tokenHash(secret), startIdHash, summary, now });
    const conversation = this.store.conversation(id) as StoredConversation;
    this.admission.conversationStarted(id, connection.address);
    this.waiting.set(id, queueEntry(conversation, false));
    sendVisitor(connection, { type: 'started', conversationId: id, secret });
    this.attachVisitor(connection, conversation);
    this.sendVisitorState(connection, conversation);
    this.scheduleQueueUpdate();
  }

  private resume(connection: VisitorConnection, conversationId: string, secret: string, after: number): void {
    const conversation = this.store.conversation(conversationId);
    if (!conversation || !sameHash(tokenHash(secret), conversation.secretHash)) {
      sendVisitor(connection, {
        type: 'error',
        code: 'conversation-not-found',
        message: 'No conversation matches this id and secret; it may have been deleted.',
      });
      return;
    }
    if (connection.conversationId && connection.conversationId !== conversationId) {
      sendVisitor(connection, {
        type: 'error',
        code: 'invalid-frame',
        message: 'This connection already has another conversation.',
      });
      return;
    }
    if (!conversation.secretConfirmed) this.store.confirmSecret(conversationId);
    sendVisitor(connection, { type: 'resumed', conversationId });
    for (const message of this.store.messagesAfter(conversationId, after))
      sendVisitor(connection, { type: 'message', message });
    this.attachVisitor(connection, conversation);
    this.sendVisitorState(connection, conversation);
  }

  private attachVisitor(connection: VisitorConnection, conversation: StoredConversation): void {
    if (connection.conversationId === conversation.id) return;
    connection.conversationId = conversation.id;
    let set = this.visitorsByConversation.get(conversation.id);
    if (!set) {
      set = new Set();
      this.visitorsByConversation.set(conversation.id, set);
    }
    set.add(connection);
    this.store.touchVisitor(conversation.id, this.now());
    if (set.size === 1) this.announcePresence(conversation);
  }

  private sendVisitorState(connection: VisitorConnection, conversation: StoredConversation): void {
    connection.lastPosition = null;
    if (conversation.state === 'waiting') {
      const position = this.positionOf(conversation.id);
      connection.lastPosition = position;
      sendVisitor(connection, { type: 'queued', position });
    } else if (conversation.state === 'active') {
      sendVisitor(connection, { type: 'navigator-joined', name: this.navigatorName(conversation) });
    } else {
      sendVisitor(connection, { type: 'ended', by: conversation.endedBy ?? 'service' });
    }
  }

  private visitorSend(connection: VisitorConnection, clientId: string, text: string, content?: MessageContent): void {
    const id = connection.conversationId;
    if (!id) {
      sendVisitor(connection, { type: 'error', ...noConversation(clientId) });
      return;
    }
    const problem = messageTextProblem(text, clientId, this.config.maxMessageLength);
    if (problem) {
      sendVisitor(connection, { type: 'error', ...problem });
      return;
    }
    const status = this.store.conversationStatus(id);
    if (!status) {
      sendVisitor(connection, { type: 'error', ...noConversation(clientId) });
      return;
    }
    if (status.state !== 'ended' && this.isFull(id, status.lastSeq)) {
      sendVisitor(connection, {
        type: 'error',
        ...conversationFull(clientId, this.config.limits.messagesPerConversation),
      });
      return;
    }
    if (status.state === 'ended') {
      this.flushMessages();
      const stored = this.store.messageByClientId(id, 'visitor', clientId);
      if (stored) {
        sendVisitor(connection, { type: 'ack', clientId, seq: stored.seq });
        return;
      }
      sendVisitor(connection, { type: 'error', ...ended(clientId) });
      return;
    }
    this.queueMessage({
      conversationId: id,
      sender: 'visitor',
      clientId,
      text,
      ...(content ? { content } : {}),
      from: connection,
    });
  }

  private visitorTyping(connection: VisitorConnection, typing: boolean): void {
    const id = connection.conversationId;
    if (!id) return;
    const frame = serialize<ServiceToNavigatorFrame>({ type: 'typing', conversationId: id, typing });
    for (const navigator of this.navigatorConnections) {
      if (navigator.opened.has(id)) navigator.peer.send(frame);
    }
  }

  private requestCallback(
    connection: VisitorConnection,
    frame: Extract<VisitorFrame, { type: 'request-callback' }>,
  ): void {
    // A repeated request (its answer was lost) is answered again and costs nothing.
    if (this.store.callbackIdByClientId(frame.clientId) !== undefined) {
      sendVisitor(connection, { type: 'callback-saved', clientId: frame.clientId });
      return;
    }
    const admission = this.admission.admitCallback(connection.address, this.store.openCallbackCount());
    if (!admission.ok) {
      sendVisitor(connection, { type: 'error', ...rateLimited(retryAfter(admission), frame.clientId) });
      return;
    }
    const id = this.store.addCallback({
      clientId: frame.clientId,
      phone: frame.phone,
      bestTime: frame.bestTime,
      language: frame.language,
      ...(frame.summary ? { summary: frame.summary } : {}),
      now: this.now(),
    });
    sendVisitor(connection, { type: 'callback-saved', clientId: frame.clientId });
    const request = this.store.openCallback(id);
    if (request) this.broadcastCallbackChanges([request], []);
  }

  // ----- navigators -----

  /**
   * Registers a signed-in navigator's connection and sends what the console shows first.
   * `sessionHash` is the session it was opened with; the connection lasts as long as it does.
   */
  connectNavigator(peer: Peer, navigator: NavigatorAccount, sessionHash = ''): NavigatorConnection {
    const connection: NavigatorConnection = {
      peer,
      navigator,
      sessionHash,
      bucket: fullBucket(this.config.navigatorRate, this.now()),
      invalidFrames: 0,
      refusedInARow: 0,
      opened: new Set(),
    };
    this.navigatorConnections.add(connection);
    sendNavigator(connection, {
      type: 'hello',
      navigator: { username: navigator.username, name: navigator.name },
      now: this.now(),
    });
    sendNavigator(connection, this.queueFrame());
    sendNavigator(connection, this.assignedFrame(navigator.id));
    sendNavigator(connection, { type: 'callbacks', requests: this.store.openCallbacks() });
    sendNavigator(connection, { type: 'follow-ups', entries: this.desk.openFollowUps() });
    return connection;
  }

  /**
   * Handles one frame from a navigator. The session is checked first: a navigator signed out
   * (or removed, or given a new password) elsewhere can do nothing more on this connection.
   */
  navigatorFrame(connection: NavigatorConnection, data: string): void {
    if (!this.sessionLive(connection)) return;
    const parsed = parseNavigatorFrame(data);
    const limited = this.limit(connection, this.config.navigatorRate);
    if (!parsed.ok) {
      this.invalidFrame(connection, parsed.error, limited);
      return;
    }
    const frame = parsed.value;
    if (limited !== null) {
      if (this.refused(connection) && frame.type !== 'ping' && frame.type !== 'typing') {
        sendNavigator(connection, {
          type: 'error',
          ...rateLimited(limited, frame.type === 'send' ? frame.clientId : undefined),
          ...('conversationId' in frame ? { conversationId: frame.conversationId } : {}),
        });
      }
      return;
    }
    connection.refusedInARow = 0;
    if (frame.type === 'ping') {
      sendNavigator(connection, { type: 'pong' });
      return;
    }
    if (frame.type !== 'send' && frame.type !== 'typing') this.flushMessages();
    switch (frame.type) {
      case 'claim':
        this.claim(connection, frame.conversationId);
        return;
      case 'open':
        this.open(connection, frame.conversationId, frame.after);
        return;
      case 'send':
        this.navigatorSend(connection, frame);
        return;
      case 'typing':
        this.navigatorTyping(connection, frame.conversationId, frame.typing);
        return;
      case 'end':
        this.navigatorEnd(connection, frame.conversationId);
        return;
      case 'release':
        this.release(connection, frame.conversationId);
        return;
      case 'report-abuse':
        this.reportAbuse(connection, frame.conversationId);
        return;
      case 'callback-handled':
        if (this.store.handleCallback(frame.callbackId, connection.navigator.id, this.now())) {
          this.broadcastCallbackChanges([], [frame.callbackId]);
        }
        return;
      case 'save-record':
        this.saveRecord(connection, frame);
        return;
      case 'follow-up-take':
      case 'follow-up-done':
      case 'follow-up-reschedule':
        this.changeFollowUp(connection, frame);
        return;
    }
  }

  /**
   * Closes every connection whose session has ended (signed out, expired, password changed,
   * navigator removed), and takes back into the queue what a removed navigator held. Run every
   * few seconds, and at once after a sign-out.
   */
  checkSessions(): void {
    let revoked = false;
    for (const connection of this.navigatorConnections) {
      if (!this.sessionLive(connection)) revoked = true;
    }
    if (revoked) this.reloadQueue();
  }

  /**
   * Closes idle visitor connections: the widget pings every 20 s, so a socket silent for much
   * longer is a tab long gone or a bot holding a place. Its conversation waits on without it
   * and is ended by the sweep once the visitor has been away `abandonAfterMinutes`.
   */
  closeIdleVisitors(): number {
    const before = this.now() - this.config.limits.visitorIdleMs;
    let closed = 0;
    for (const connection of this.visitorConnections) {
      if (connection.lastFrameAt >= before) continue;
      this.visitorConnections.delete(connection);
      connection.peer.close(CLOSE_CODES.idle, 'Idle');
      closed++;
    }
    return closed;
  }

  /** Forgets a closed navigator connection. */
  disconnectNavigator(connection: NavigatorConnection): void {
    this.navigatorConnections.delete(connection);
  }

  /** False (and the connection closed) when its session no longer exists. */
  private sessionLive(connection: NavigatorConnection): boolean {
    if (!connection.sessionHash || this.store.sessionNavigator(connection.sessionHash, this.now())) return true;
    this.navigatorConnections.delete(connection);
    sendNavigator(connection, {
      type: 'error',
      code: 'not-signed-in',
      message: 'This session has ended; sign in again.',
    });
    connection.peer.close(CLOSE_CODES.notSignedIn, 'not-signed-in');
    return false;
  }

  /**
   * Ends a conversation the navigator holds as abuse, and blocks its source address from new
   * conversations and callback requests for `abuseBlockMinutes` (when this process saw it start).
   */
  private reportAbuse(connection: NavigatorConnection, conversationId: string): void {
    if (!this.ownConversation(connection, conversationId)) return;
    const address = this.admission.addressOf(conversationId);
    if (address !== undefined) {
      this.admission.block(address);
      for (const visitor of this.visitorConnections) {
        if (visitor.address === address && visitor.conversationId !== conversationId) {
          visitor.peer.close(CLOSE_CODES.tooManyFrames, 'Blocked');
        }
      }
    }
    this.endConversation(conversationId, 'navigator');
  }

  private claim(connection: NavigatorConnection, conversationId: string): void {
    const navigator = connection.navigator;
    if (!this.store.claim(conversationId, navigator.id, this.now())) {
      const conversation = this.store.conversation(conversationId);
      // Claiming twice from two tabs of the same navigator simply opens it.
      if (conversation?.state === 'active' && conversation.navigatorId === navigator.id) {
        this.open(connection, conversationId, 0);
        return;
      }
      const error: HandoffError = !conversation
        ? { code: 'conversation-not-found', message: 'No such conversation; it may have ended and been deleted.' }
        : conversation.state === 'ended'
          ? { code: 'conversation-ended', message: 'This conversation has ended.' }
          : { code: 'already-claimed', message: 'Another navigator took this conversation first.' };
      sendNavigator(connection, { type: 'error', ...error, conversationId });
      return;
    }
    this.waiting.delete(conversationId);
    this.open(connection, conversationId, 0);
    this.sendToVisitors(conversationId, { type: 'navigator-joined', name: navigator.name }, (visitor) => {
      visitor.lastPosition = null;
    });
    this.sendAssigned(navigator.id);
    this.scheduleQueueUpdate();
  }

  private open(connection: NavigatorConnection, conversationId: string, after: number): void {
    const conversation = this.store.conversation(conversationId);
    if (!conversation || conversation.navigatorId !== connection.navigator.id || conversation.state === 'waiting') {
      sendNavigator(connection, {
        type: 'error',
        code: 'not-claimed',
        message: 'Claim this conversation from the queue first.',
        conversationId,
      });
      return;
    }
    // One page at a time: the console asks for the next after the last seq it received, and
    // hears new messages live only once it has caught up (nothing is skipped in between).
    const pageSize = this.config.limits.transcriptPage;
    const page = this.store.messagesAfter(conversationId, after, pageSize + 1);
    const more = page.length > pageSize;
    if (more) connection.opened.delete(conversationId);
    else connection.opened.add(conversationId);
    sendNavigator(connection, {
      type: 'conversation',
      conversation: this.detail(conversation),
      messages: more ? page.slice(0, pageSize) : page,
      ...(more ? { more: true } : {}),
    });
  }

  private navigatorSend(connection: NavigatorConnection, frame: Extract<NavigatorFrame, { type: 'send' }>): void {
    const { conversationId, clientId, text } = frame;
    // The visitor is told how long a number is kept at most by the service, not the console.
    const content: MessageContent | undefined =
      frame.content?.kind === 'follow-up-offer'
        ? { kind: 'follow-up-offer', retentionDays: this.config.retentionDays }
        : frame.content;
    const problem = messageTextProblem(text, clientId, this.config.maxMessageLength);
    if (problem) {
      sendNavigator(connection, { type: 'error', ...problem, conversationId });
      return;
    }
    const status = this.ownConversation(connection, conversationId, clientId);
    if (!status) return;
    if (status.state !== 'ended' && this.isFull(conversationId, status.lastSeq)) {
      sendNavigator(connection, {
        type: 'error',
        ...conversationFull(clientId, this.config.limits.messagesPerConversation),
        conversationId,
      });
      return;
    }
    if (status.state === 'ended') {
      this.flushMessages();
      const stored = this.store.messageByClientId(conversationId, 'navigator', clientId);
      if (stored) {
        sendNavigator(connection, { type: 'ack', conversationId, clientId, seq: stored.seq });
        return;
      }
      sendNavigator(connection, { type: 'error', ...ended(clientId), conversationId });
      return;
    }
    this.queueMessage({
      conversationId,
      sender: 'navigator',
      clientId,
      text,
      ...(content ? { content } : {}),
      from: connection,
    });
  }

  private navigatorTyping(connection: NavigatorConnection, conversationId: string, typing: boolean): void {
    if (!connection.opened.has(conversationId)) return;
    this.sendToVisitors(conversationId, { type: 'typing', typing });
  }

  private navigatorEnd(connection: NavigatorConnection, conversationId: string): void {
    if (!this.ownConversation(connection, conversationId)) return;
    this.endConversation(conversationId, 'navigator');
  }

  private release(connection: NavigatorConnection, conversationId: string): void {
    const navigator = connection.navigator;
    if (!this.store.release(conversationId, navigator.id, this.now())) {
      sendNavigator(connection, {
        type: 'error',
        code: 'not-claimed',
        message: 'Only the navigator who claimed a conversation can return it to the queue.',
        conversationId,
      });
      return;
    }
    const conversation = this.store.conversation(conversationId) as StoredConversation;
    this.waiting.set(conversationId, queueEntry(conversation, this.visitorsByConversation.has(conversationId)));
    const frame = serialize<ServiceToNavigatorFrame>({ type: 'released', conversationId });
    for (const other of this.navigatorConnections) {
      if (other.navigator.id !== navigator.id) continue;
      other.opened.delete(conversationId);
      other.peer.send(frame);
    }
    const position = this.positionOf(conversationId);
    this.sendToVisitors(conversationId, { type: 'queued', position }, (visitor) => {
      visitor.lastPosition = position;
    });
    this.sendAssigned(navigator.id);
    this.scheduleQueueUpdate();
  }

  // ----- the desk: records and follow-ups -----

  private followUp(connection: VisitorConnection, frame: Extract<VisitorFrame, { type: 'follow-up' }>): void {
    const id = connection.conversationId;
    if (!id) {
      sendVisitor(connection, { type: 'error', ...noConversation(frame.clientId) });
      return;
    }
    this.flushMessages();
    const offered = this.store
      .messagesAfter(id, 0)
      .some((message) => message.from === 'navigator' && message.content?.kind === 'follow-up-offer');
    const conversation = this.store.conversation(id);
    if (!offered || !conversation) {
      sendVisitor(connection, {
        type: 'error',
        code: 'invalid-follow-up',
        message: 'A follow-up can be asked for once the navigator has offered one.',
        clientId: frame.clientId,
      });
      return;
    }
    const now = this.now();
    this.desk.addFollowUp({
      conversationId: id,
      clientId: frame.clientId,
      phone: frame.phone,
      language: conversation.summary.language,
      categories: queueEntry(conversation, false).categories,
      dueAt: followUpDueAt(frame.when, now, this.config.hours.timeZone),
      now,
    });
    const dueAt = this.desk.followUpDueAt(id, frame.clientId) as number;
    sendVisitor(connection, { type: 'follow-up-saved', clientId: frame.clientId, dueAt });
    this.broadcastFollowUps();
  }

  private saveRecord(connection: NavigatorConnection, frame: Extract<NavigatorFrame, { type: 'save-record' }>): void {
    const { conversationId } = frame;
    const status = this.store.conversationStatus(conversationId);
    if (!status || status.navigatorId !== connection.navigator.id) {
      sendNavigator(connection, {
        type: 'error',
        code: 'not-claimed',
        message: 'Only the navigator who held a conversation records it.',
        conversationId,
      });
      return;
    }
    const previous = this.desk.record(conversationId);
    const record = this.desk.saveRecord({
      conversationId,
      navigatorId: connection.navigator.id,
      record: frame.record,
      safetyCheck: safetyCheckOf(this.store.messagesAfter(conversationId, 0)),
      now: this.now(),
    });
    const language = this.store.conversation(conversationId)?.summary.language;
    if (language) this.onRecordSaved(record, previous, language);
    const data = serialize<ServiceToNavigatorFrame>({ type: 'record-saved', record });
    for (const other of this.navigatorConnections)
      if (other.navigator.id === connection.navigator.id) other.peer.send(data);
  }

  private changeFollowUp(
    connection: NavigatorConnection,
    frame: Extract<NavigatorFrame, { type: 'follow-up-take' | 'follow-up-done' | 'follow-up-reschedule' }>,
  ): void {
    const navigatorId = connection.navigator.id;
    const changed =
      frame.type === 'follow-up-take'
        ? this.desk.takeFollowUp(frame.followUpId, navigatorId)
        : frame.type === 'follow-up-done'
          ? this.desk.completeFollowUp(frame.followUpId, navigatorId, this.now())
          : this.desk.rescheduleFollowUp(frame.followUpId, frame.dueAt);
    if (!changed) {
      sendNavigator(connection, {
        type: 'error',
        code: 'invalid-follow-up',
        message: 'No such follow-up, or it is already done.',
      });
      return;
    }
    this.broadcastFollowUps();
  }

  private broadcastFollowUps(): void {
    const data = serialize<ServiceToNavigatorFrame>({ type: 'follow-ups', entries: this.desk.openFollowUps() });
    for (const connection of this.navigatorConnections) connection.peer.send(data);
  }

  /** The conversation's status if this navigator claimed it; otherwise tells them why not. */
  private ownConversation(
    connection: NavigatorConnection,
    conversationId: string,
    clientId?: string,
  ): { state: ConversationState; navigatorId: number | null; lastSeq: number } | undefined {
    const status = this.store.conversationStatus(conversationId);
    if (status && status.navigatorId === connection.navigator.id && status.state !== 'waiting') {
      return status;
    }
    sendNavigator(connection, {
      type: 'error',
      code: 'not-claimed',
      message: 'This conversation is not yours: claim it from the queue first.',
      conversationId,
      ...(clientId ? { clientId } : {}),
    });
    return undefined;
  }

  // ----- both -----

  private endConversation(conversationId: string, by: EndedBy): void {
    const before = this.store.conversation(conversationId);
    if (!before || !this.store.end(conversationId, by, this.now())) return;
    this.admission.conversationEnded(conversationId);
    this.waiting.delete(conversationId);
    this.sendToVisitors(conversationId, { type: 'ended', by });
    if (before.navigatorId !== null) {
      const frame = serialize<ServiceToNavigatorFrame>({ type: 'ended', conversationId, by });
      for (const navigator of this.navigatorConnections) {
        if (navigator.navigator.id === before.navigatorId) navigator.peer.send(frame);
      }
      this.sendAssigned(before.navigatorId);
    }
    if (before.state === 'waiting') this.scheduleQueueUpdate();
  }

  /**
   * Holds a message for the next commit. Messages that arrive in the same turn of the event
   * loop are stored in one transaction, then acknowledged and delivered: one write to the
   * database log for many messages, and still no acknowledgement before the data is stored.
   */
  private queueMessage(message: PendingMessage): void {
    this.pending.push(message);
    if (this.pending.length === 1) setImmediate(() => this.flushMessagesSafely());
  }

  /**
   * Stores, acknowledges and delivers the held messages, in arrival order. Called before any
   * frame that changes a conversation, so nothing overtakes a message already accepted.
   */
  flushMessages(): void {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    const now = this.now();
    let results: ReturnType<NavigatorStore['appendMessages']>;
    try {
      results = this.store.appendMessages(batch.map(({ from: _from, ...input }) => ({ ...input, now })));
    } catch (error) {
      // Nothing was stored: drop the senders' connections so their outboxes resend later.
      for (const message of batch) message.from.peer.close(CLOSE_CODES.serverError, 'Server error');
      throw error;
    }
    batch.forEach((pending, index) => {
      const { message, duplicate } = results[index] as (typeof results)[number];
      const { conversationId, clientId, from } = pending;
      if ('navigator' in from) sendNavigator(from, { type: 'ack', conversationId, clientId, seq: message.seq });
      else sendVisitor(from, { type: 'ack', clientId, seq: message.seq });
      if (!duplicate) this.deliver(conversationId, message, from);
    });
  }

  private flushMessagesSafely(): void {
    try {
      this.flushMessages();
    } catch (error) {
      this.onError('Storing messages failed', error);
    }
  }

  /** Sends a newly stored message to everyone attached to its conversation but its sender. */
  private deliver(
    conversationId: string,
    message: TranscriptMessage,
    sender: VisitorConnection | NavigatorConnection,
  ): void {
    const toVisitor = serialize<ServiceToVisitorFrame>({ type: 'message', message });
    for (const visitor of this.visitorsByConversation.get(conversationId) ?? []) {
      if (visitor !== sender) visitor.peer.send(toVisitor);
    }
    const toNavigator = serialize<ServiceToNavigatorFrame>({ type: 'message', conversationId, message });
    for (const navigator of this.navigatorConnections) {
      if (navigator !== sender && navigator.opened.has(conversationId)) navigator.peer.send(toNavigator);
    }
  }

  private announcePresence(conversation: StoredConversation): void {
    const visitorConnected = this.visitorsByConversation.has(conversation.id);
    const entry = this.waiting.get(conversation.id);
    if (entry) {
      entry.visitorConnected = visitorConnected;
      this.scheduleQueueUpdate();
    }
    if (conversation.state !== 'active') return;
    const frame = serialize<ServiceToNavigatorFrame>({
      type: 'presence',
      conversationId: conversation.id,
      visitorConnected,
    });
    for (const navigator of this.navigatorConnections) {
      if (navigator.opened.has(conversation.id)) navigator.peer.send(frame);
    }
  }

  private sendToVisitors(
    conversationId: string,
    frame: ServiceToVisitorFrame,
    each?: (visitor: VisitorConnection) => void,
  ): void {
    const data = serialize(frame);
    for (const visitor of this.visitorsByConversation.get(conversationId) ?? []) {
      each?.(visitor);
      visitor.peer.send(data);
    }
  }

  private sendAssigned(navigatorId: number): void {
    const data = serialize(this.assignedFrame(navigatorId));
    for (const connection of this.navigatorConnections) {
      if (connection.navigator.id === navigatorId) connection.peer.send(data);
    }
  }

  /** Tells every console which callback requests arrived and which left: never the whole list. */
  private broadcastCallbackChanges(added: CallbackRequest[], removed: number[]): void {
    if (added.length === 0 && removed.length === 0) return;
    const data = serialize<ServiceToNavigatorFrame>({ type: 'callbacks-changed', added, removed });
    for (const connection of this.navigatorConnections) connection.peer.send(data);
  }

  private limit(connection: Metered, rate: NavigatorServiceConfig['visitorRate']): number | null {
    const result = takeToken(connection.bucket, rate, this.now());
    connection.bucket = result.bucket;
    return result.allowed ? null : result.retryAfterMs;
  }

  /**
   * Counts a frame refused for the rate limit; a client that keeps sending regardless is
   * closed. True when the refusal should still be answered.
   */
  private refused(connection: Metered & { peer: Peer }): boolean {
    if (++connection.refusedInARow <= this.config.limits.refusedFrames) return true;
    connection.peer.close(CLOSE_CODES.tooManyFrames, 'Too many frames');
    return false;
  }

  /** Answers an invalid frame (unless rate-limited), and closes a connection that sends many. */
  private invalidFrame(connection: Metered & { peer: Peer }, error: HandoffError, limited: number | null): void {
    if (++connection.invalidFrames >= this.config.limits.invalidFrames) {
      connection.peer.close(CLOSE_CODES.invalidFrames, 'Invalid frames');
      return;
    }
    if (limited === null) connection.peer.send(serialize({ type: 'error', ...error }));
  }

  /** True when a conversation holds (or is about to hold) as many messages as it may. */
  private isFull(conversationId: string, stored: number): boolean {
    let pending = 0;
    for (const message of this.pending) if (message.conversationId === conversationId) pending++;
    return stored + pending >= this.config.limits.messagesPerConversation;
  }

  // ----- the queue -----

  /**
   * Tells consoles and waiting visitors about queue changes, gathered over a short delay so a
   * burst of arrivals costs one update rather than one per arrival.
   */
  private scheduleQueueUpdate(): void {
    if (this.queueTimer) return;
    this.queueTimer = setTimeout(() => {
      this.queueTimer = null;
      this.flushQueueUpdate();
    }, this.config.queueUpdateDelayMs);
  }

  /** Sends queue changes to consoles and new positions to waiting visitors, now. */
  flushQueueUpdate(): void {
    const ordered = orderQueue([...this.waiting.values()]);
    const { added, removed } = this.queueSent.changes(ordered);
    if (added.length > 0 || removed.length > 0) {
      const data = serialize<ServiceToNavigatorFrame>({ type: 'queue-changed', added, removed, now: this.now() });
      for (const connection of this.navigatorConnections) connection.peer.send(data);
    }
    ordered.forEach((entry, index) => {
      const position = index + 1;
      for (const visitor of this.visitorsByConversation.get(entry.id) ?? []) {
        if (visitor.lastPosition === position) continue;
        visitor.lastPosition = position;
        sendVisitor(visitor, { type: 'queued', position });
      }
    });
  }

  private queueFrame(ordered = orderQueue([...this.waiting.values()])): ServiceToNavigatorFrame {
    return { type: 'queue', entries: ordered, now: this.now() };
  }

  private assignedFrame(navigatorId: number): ServiceToNavigatorFrame {
    const conversations = this.store
      .activeConversationsOf(navigatorId)
      .map((conversation) => queueEntry(conversation, this.visitorsByConversation.has(conversation.id)));
    return { type: 'assigned', conversations: orderQueue(conversations) };
  }

  private positionOf(conversationId: string): number {
    const entry = this.waiting.get(conversationId);
    if (!entry) return 0;
    let ahead = 0;
    for (const other of this.waiting.values()) if (compareQueueItems(other, entry) < 0) ahead++;
    return ahead + 1;
  }

  private detail(conversation: StoredConversation): ConversationDetail {
    return {
      id: conversation.id,
      state: conversation.state,
      summary: conversation.summary,
      waitingSince: conversation.waitingSince,
      visitorConnected: this.visitorsByConversation.has(conversation.id),
      ...(conversation.endedBy ? { endedBy: conversation.endedBy } : {}),
      ...this.recordOf(conversation.id),
    };
  }

  private recordOf(conversationId: string): Pick<ConversationDetail, 'record'> {
    const record = this.desk.record(conversationId);
    return record ? { record } : {};
  }

  private navigatorName(conversation: StoredConversation): string {
    for (const connection of this.navigatorConnections) {
      if (connection.navigator.id === conversation.navigatorId) return connection.navigator.name;
    }
    return this.store.navigatorName(conversation.navigatorId) ?? '';
  }

  private reloadWaiting(): void {
    this.waiting.clear();
    for (const conversation of this.store.waitingConversations()) {
      this.waiting.set(conversation.id, queueEntry(conversation, this.visitorsByConversation.has(conversation.id)));
    }
  }

  /**
   * Rereads the queue from the store (another process may have changed it: `remove-navigator`
   * returns a navigator's conversations to it) and tells consoles and visitors what changed.
   */
  private reloadQueue(): void {
    this.reloadWaiting();
    this.scheduleQueueUpdate();
  }

  // ----- housekeeping -----

  /**
   * Ends waiting conversations whose visitor left long ago, and deletes everything older than
   * the retention period. Run every minute or so.
   */
  sweep(): { abandoned: number; deleted: ReturnType<NavigatorStore['deleteExpired']> } {
    this.flushMessages();
    const now = this.now();
    let abandoned = 0;
    for (const id of this.store.waitingSeenBefore(now - this.config.abandonAfterMinutes * 60_000)) {
      if (this.visitorsByConversation.has(id)) continue;
      this.endConversation(id, 'service');
      abandoned++;
    }
    const deleted = this.store.deleteExpired(now - this.config.retentionDays * DAY_MS, now);
    // Deleted rows must not linger in the log file either (the database overwrites its own).
    if (deleted.conversations > 0 || deleted.callbacks > 0) this.store.forgetDeleted();
    this.reloadQueue();
    this.broadcastCallbackChanges([], deleted.callbackIds);
    this.admission.prune();
    this.checkSessions();
    if (deleted.conversations > 0) this.broadcastFollowUps();
    return { abandoned, deleted };
  }

  /** Stops timers. Connections are closed by their owner. */
  close(): void {
    this.flushMessagesSafely();
    if (this.queueTimer) clearTimeout(this.queueTimer);
    this.queueTimer = null;
  }
}

function queueEntry(conversation: StoredConversation, visitorConnected: boolean): QueueEntry {
  const summary = conversation.summary;
  const categories = [...new Set(summary.needs.flatMap((need) => need.categories))];
  return {
    id: conversation.id,
    language: summary.language,
    reason: summary.reason,
    urgent: summary.urgent,
    crisis: summary.crisis,
    crisisKinds: summary.crisisKinds,
    categories,
    waitingSince: conversation.waitingSince,
    visitorConnected,
  };
}

function serialize<T>(frame: T): string {
  return JSON.stringify(frame);
}

function sendVisitor(connection: VisitorConnection, frame: ServiceToVisitorFrame): void {
  connection.peer.send(serialize(frame));
}

function sendNavigator(connection: NavigatorConnection, frame: ServiceToNavigatorFrame): void {
  connection.peer.send(serialize(frame));
}

function clientIdOf(frame: VisitorFrame): string | undefined {
  return frame.type === 'send' || frame.type === 'request-callback' ? frame.clientId : undefined;
}
