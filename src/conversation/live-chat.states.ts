/**
 * Talking to a person: the region's phone and text lines when no navigator service is
 * configured, otherwise a live chat with a 211 navigator, from connecting to the navigator's
 * last word. Its own actions and guards extend the shared setup; `conversation.machine.ts`
 * places {@link withPersonState} among the conversation's states.
 *
 * Where the live chat stands is the state, and tags tell the view: `live-connecting` (or
 * reconnecting, once the service has the conversation), `live-waiting` in the queue,
 * `live-chatting` with `navigator-typing` while the navigator types, and `callback-form`.
 */
import { assign, sendTo, spawnChild } from 'xstate';
import type { HandoffErrorCode } from '../handoff/handoff-protocol.js';
import type { HandoffEvent, HandoffOpenRequest } from '../handoff/handoff-transport.js';
import type { MessageContent, PhraseKey } from '../handoff/message-content.js';
import type { Line, NewChatMessage } from './chat-message.js';
import { assistant, conversationSetup, withMessages } from './conversation-setup.js';
import type { ConversationContext, ConversationTag, FoundServices } from './conversation-types.js';
import { handoffSummary } from './handoff-summary.js';
import { type LiveChat, newLiveChat, nextClientId, resumeOf, withoutPending, withPendingMessage } from './live-chat.js';
import { REPLIES } from './quick-replies.js';
import type { Triage } from './triage.js';

/** Refusals the visitor gets their own explanation for; others get a general one. */
const EXPLAINED_ERRORS = ['message-too-long', 'rate-limited', 'invalid-callback', 'message-empty'] as const;

function isExplained(code: HandoffErrorCode): code is (typeof EXPLAINED_ERRORS)[number] {
  return (EXPLAINED_ERRORS as readonly string[]).includes(code);
}

/** What the navigator connection is opened with: the summary, and what a reload resumes. */
export function liveChatInput(context: ConversationContext): HandoffOpenRequest {
  const resume = resumeOf(context.live);
  return {
    summary: handoffSummary(context),
    pending: context.live?.pending ?? [],
    ...(resume ? { resume } : {}),
  };
}

/**
 * The status line under the history (announced politely): connecting, place in line, who the
 * visitor is chatting with, typing. Null when there is nothing to say.
 */
export function liveStatusLine(state: {
  context: ConversationContext;
  hasTag(tag: ConversationTag): boolean;
}): Line | null {
  const live = state.context.live;
  if (!live) return null;
  if (state.hasTag('live-connecting'))
    return { key: live.conversationId ? 'lines:live.status.reconnecting' : 'lines:live.status.connecting' };
  if (state.hasTag('live-waiting'))
    return live.position
      ? { key: 'lines:live.status.waiting', params: { position: live.position } }
      : { key: 'lines:live.status.waitingNoPosition' };
  if (state.hasTag('live-chatting'))
    return {
      key: state.hasTag('navigator-typing') ? 'lines:live.status.typing' : 'lines:live.status.chatting',
      params: { name: live.navigatorName ?? '' },
    };
  return null;
}

/** Updates the live chat part of the context. */
function withLive(context: ConversationContext, update: (live: LiveChat) => Partial<LiveChat>) {
  const live = context.live ?? newLiveChat();
  return { live: { ...live, ...update(live) } };
}

/** Sets the delivery state of the visitor's message with this client id. */
function withDelivery(context: ConversationContext, clientId: string, delivery: 'sent' | 'failed') {
  return {
    messages: context.messages.map((message) =>
      message.from === 'visitor' && message.kind === 'text' && message.clientId === clientId
        ? { ...message, delivery }
        : message,
    ),
  };
}

/**
 * A navigator's message as the history keeps it: free text (with the language it was written
 * in), a phrase (shown from the visitor's own locale), or services (ids, looked up next).
 */
function navigatorMessage(event: Extract<HandoffEvent, { type: 'message' }>, name: string): NewChatMessage {
  const content = event.content;
  const base = { from: 'navigator' as const, seq: event.seq, name };
  if (content?.kind === 'services') return { ...base, kind: 'services', serviceIds: content.serviceIds, results: [] };
  const lang = content?.kind === 'phrase' || content?.kind === 'text' ? content.lang : undefined;
  const phrase = content?.kind === 'phrase' ? content.phrase : content && SHOWN_AS_PHRASE[content.kind];
  return { ...base, kind: 'text', text: event.text, ...(lang ? { lang } : {}), ...(phrase ? { phrase } : {}) };
}

/** The safety check and the follow-up offer read as their phrases, in the visitor's language. */
const SHOWN_AS_PHRASE: Partial<Record<MessageContent['kind'], PhraseKey>> = {
  'safety-check': 'areYouSafe',
  'follow-up-offer': 'askFollowUp',
};

/** A visitor's answer to a structured question: in the history as their choice, to the navigator with its content. */
function queueAnswer(context: ConversationContext, text: string, content: MessageContent) {
  if (!context.live) return {};
  const clientId = nextClientId(context.live, context.clientPrefix);
  return { live: withPendingMessage(context.live, { clientId, text, content }) };
}

/** The shared setup with the live chat's actions and guards. */
export const liveChatSetup = conversationSetup.extend({
  actions: {
    startLiveChat: assign(({ context }) => ({
      ...withMessages(context, assistant('lines:live.connecting')),
      live: context.live ?? newLiveChat(),
      handoffReason: context.handoffReason ?? ('asked' as const),
      replies: [REPLIES.endChat],
    })),
    leaveLiveChat: assign({ live: null }),
    sendLiveMessage: assign(({ context, event }) => {
      if (event.type !== 'SUBMIT_TEXT' || !context.live) return {};
      const clientId = nextClientId(context.live, context.clientPrefix);
      return {
        ...withMessages(context, { from: 'visitor', kind: 'text', text: event.text, clientId, delivery: 'sending' }),
        live: withPendingMessage(context.live, { clientId, text: event.text }),
      };
    }),
    /** Typed words in a live chat are still checked for crisis, alongside the navigator seeing them. */
    checkLiveMessage: spawnChild('triageText', {
      id: ({ context }) => `liveTriage-${context.nextId}`,
      input: ({ event }) => ({ text: event.type === 'SUBMIT_TEXT' ? event.text : '' }),
    }),
    showLiveCrisis: assign(({ context, event }) => {
      if (!event.type.startsWith('xstate.done.actor.liveTriage-')) return {};
      const triage = (event as { output?: Triage }).output;
      if (!triage?.crisis?.length) return {};
      return {
        ...withMessages(context, { from: 'assistant', kind: 'crisis', kinds: triage.crisis }),
        crisis: triage.crisis,
      };
    }),
    /** During a live chat the lines join the chat; the navigator stays. */
    addCrisisLines: assign(({ context }) => ({
      ...withMessages(context, { from: 'assistant', kind: 'crisis', kinds: [], asked: true }),
      crisisLinesAsked: true,
    })),
    forwardTyping: sendTo('navigator', ({ event }) => ({
      type: 'typing' as const,
      typing: event.type === 'TYPING' && event.typing,
    })),
    endLiveChat: sendTo('navigator', { type: 'end' as const }),
    /** Quick exit: the open connection ends the chat at once, a beacon survives the page being replaced. */
    endLiveChatOnExit: sendTo('navigator', ({ context }) => {
      const stored = resumeOf(context.live);
      return { type: 'end' as const, ...(stored ? { stored } : {}) };
    }),
    noteConnected: assign(({ context, event }) =>
      event.type === 'connected'
        ? withLive(context, () => ({ conversationId: event.conversationId, secret: event.secret }))
        : {},
    ),
    /** A place in the queue; the first time, a word on what waiting means. */
    noteQueued: assign(({ context, event }) => {
      if (event.type !== 'queued') return {};
      const firstTime = context.live?.position === undefined;
      return {
        ...(firstTime ? withMessages(context, assistant('lines:live.waitingNote')) : {}),
        ...withLive(context, () => ({ position: event.position })),
      };
    }),
    notePosition: assign(({ context, event }) =>
      event.type === 'queued' ? withLive(context, () => ({ position: event.position })) : {},
    ),
    noteJoined: assign(({ context, event }) =>
      event.type === 'navigator-joined'
        ? {
            ...withMessages(context, assistant('lines:live.joined', { name: event.name })),
            ...withLive(context, () => ({ navigatorName: event.name })),
          }
        : {},
    ),
    receiveLiveMessage: assign(({ context, event }) => {
      if (event.type !== 'message' || !context.live) return {};
      const live = { ...context.live, lastSeq: Math.max(context.live.lastSeq, event.seq) };
      // Replayed after a reconnect, or the visitor's own message seen from another tab: shown already.
      const known = context.messages.some(
        (m) =>
          (m.from === 'navigator' && m.seq === event.seq) ||
          (m.from === 'visitor' && m.kind === 'text' && m.clientId === event.clientId),
      );
      if (known || event.seq <= context.live.lastSeq) return { live };
      if (event.from === 'visitor') {
        const mine: NewChatMessage = {
          from: 'visitor',
          kind: 'text',
          text: event.text,
          clientId: event.clientId,
          delivery: 'sent',
        };
        return { ...withMessages(context, mine), live };
      }
      const added = withMessages(context, navigatorMessage(event, live.navigatorName ?? ''));
      switch (event.content?.kind) {
        case 'safety-check':
          return {
            ...added,
            live,
            replies: [REPLIES.liveSafe, REPLIES.liveNotSafe, REPLIES.liveRatherCall, REPLIES.endChat],
          };
        case 'follow-up-offer':
          return {
            ...withMessages(
              { ...context, ...added },
              assistant('lines:live.desk.followUp.explain', { days: event.content.retentionDays ?? 30 }),
            ),
            live,
            replies: [REPLIES.acceptFollowUp, REPLIES.declineFollowUp, REPLIES.endChat],
          };
        default:
          return { ...added, live };
      }
    }),
    /** Services a navigator sent are looked up in the widget's own directory, by id. */
    lookUpSentServices: spawnChild('lookupServices', {
      id: ({ event }) => `serviceLookup-${event.type === 'message' ? event.seq : 0}`,
      input: ({ event }) => ({
        ids: event.type === 'message' && event.content?.kind === 'services' ? event.content.serviceIds : [],
      }),
    }),
    fillSentServices: assign(({ context, event }) => {
      const prefix = 'xstate.done.actor.serviceLookup-';
      if (!event.type.startsWith(prefix)) return {};
      const seq = Number(event.type.slice(prefix.length));
      const found = (event as { output?: FoundServices }).output;
      return {
        messages: context.messages.map((message) =>
          message.from === 'navigator' && message.kind === 'services' && message.seq === seq
            ? { ...message, ...found, lookedUp: true as const }
            : message,
        ),
      };
    }),
    /** The answer goes to the navigator; "not safe" shows the region's crisis lines at once. */
    sendLiveSafetyAnswer: assign(({ context, event }) => {
      if (event.type !== 'LIVE_SAFETY_ANSWER') return {};
      const queued = queueAnswer(context, `safety-answer: ${event.answer}`, {
        kind: 'safety-answer',
        answer: event.answer,
      });
      const lines =
        event.answer === 'not-safe'
          ? withMessages(context, assistant('lines:live.desk.safetyNotSafe'), {
              from: 'assistant',
              kind: 'crisis',
              kinds: [],
              asked: true,
            })
          : {};
      return { ...queued, ...lines, replies: [REPLIES.endChat] };
    }),
    declineFollowUp: assign(({ context }) => ({
      ...queueAnswer(context, 'follow-up-answer: no', { kind: 'follow-up-answer', accepted: false }),
      replies: [REPLIES.endChat],
    })),
    forwardLastPending: sendTo('navigator', ({ context }) => {
      const last = context.live?.pending.at(-1);
      return {
        type: 'send' as const,
        clientId: last?.clientId ?? '',
        text: last?.text ?? '',
        ...(last?.content ? { content: last.content } : {}),
      };
    }),
    sendFollowUpRequest: sendTo('navigator', ({ context, event }) => ({
      type: 'request-follow-up' as const,
      clientId: `${context.clientPrefix}-follow-up-${context.nextId}`,
      phone: event.type === 'SUBMIT_FOLLOW_UP' ? event.phone : '',
      when: event.type === 'SUBMIT_FOLLOW_UP' ? event.when : 'tomorrow-morning',
    })),
    recordFollowUp: assign(({ context, event }) =>
      event.type === 'SUBMIT_FOLLOW_UP'
        ? {
            ...withMessages(context, {
              from: 'visitor',
              kind: 'choice',
              line: { key: `lines:live.desk.followUp.time.${event.when}` },
            }),
            replies: [REPLIES.endChat],
          }
        : {},
    ),
    /** "No, thank you" stays as the way out of the follow-up form; "yes" has been answered. */
    showFollowUpWayOut: assign({ replies: [REPLIES.declineFollowUp, REPLIES.endChat] }),
    thankForFollowUp: assign(({ context }) => withMessages(context, assistant('lines:live.desk.followUp.saved'))),
    noteDelivered: assign(({ context, event }) =>
      event.type === 'ack' && context.live
        ? {
            ...withDelivery(context, event.clientId, 'sent'),
            live: withoutPending(context.live, event.clientId, event.seq),
          }
        : {},
    ),
    noteLiveError: assign(({ context, event }) => {
      if (event.type !== 'error') return {};
      const refused =
        event.clientId && context.live
          ? { ...withDelivery(context, event.clientId, 'failed'), live: withoutPending(context.live, event.clientId) }
          : {};
      const { code } = event;
      const key = isExplained(code) ? (`lines:live.error.${code}` as const) : 'lines:live.error.other';
      return {
        ...refused,
        ...withMessages({ ...context, ...refused }, assistant(key, { limit: event.limit ?? 2000 })),
      };
    }),
    showOffline: assign(({ context, event }) => {
      const reason = event.type === 'offline' ? event.reason : 'no-navigators';
      return {
        ...withMessages(context, assistant(`lines:live.offline.${reason}`), {
          from: 'assistant',
          kind: 'contacts',
          purpose: 'offline',
        }),
        ...withLive(context, () => ({ offlineReason: reason })),
        replies: [REPLIES.requestCallback, REPLIES.anotherNeed, REPLIES.startOver],
      };
    }),
    askForCallback: assign(({ context }) => ({
      ...withMessages(context, assistant('lines:live.callback.ask')),
      replies: [REPLIES.cancelCallback],
    })),
    sendCallbackRequest: sendTo('navigator', ({ context, event }) => ({
      type: 'request-callback' as const,
      clientId: `${context.clientPrefix}-callback-${context.nextId}`,
      phone: event.type === 'SUBMIT_CALLBACK' ? event.phone : '',
      bestTime: event.type === 'SUBMIT_CALLBACK' ? event.bestTime : '',
    })),
    recordCallback: assign(({ context, event }) =>
      event.type === 'SUBMIT_CALLBACK'
        ? withMessages(context, { from: 'visitor', kind: 'text', text: `${event.phone} · ${event.bestTime}` })
        : {},
    ),
    thankForCallback: assign(({ context }) => ({
      ...withMessages(context, assistant('lines:live.callback.saved')),
      replies: [REPLIES.anotherNeed, REPLIES.startOver],
    })),
    showChatEnded: assign(({ context, event }) => ({
      ...withMessages(context, assistant(`lines:live.ended.${event.type === 'ended' ? event.by : 'service'}`)),
      live: null,
      replies: [REPLIES.anotherNeed, REPLIES.startOver],
    })),
  },
  guards: {
    chatAlreadyEnded: ({ event }) =>
      event.type === 'error' && (event.code === 'conversation-ended' || event.code === 'conversation-not-found'),
    navigatorStartedTyping: ({ event }) => event.type === 'typing' && event.typing,
    navigatorStoppedTyping: ({ event }) => event.type === 'typing' && !event.typing,
    /** Services from a navigator not already in the history (a replay after a reconnect is not). */
    sentServices: ({ context, event }) =>
      event.type === 'message' &&
      event.content?.kind === 'services' &&
      event.seq > (context.live?.lastSeq ?? 0) &&
      !context.messages.some((m) => m.from === 'navigator' && m.seq === event.seq),
  },
});

/** A live chat with a navigator, from connecting to the navigator's last word. */
const liveState = liveChatSetup.createStateConfig({
  tags: ['live'],
  entry: 'startLiveChat',
  // Leaving by the visitor's choice (start over, another need) ends the chat for the
  // navigator too; a reload does not leave the state, so it does not end it.
  exit: ['endLiveChat', 'leaveLiveChat'],
  invoke: { id: 'navigator', src: 'navigator', input: ({ context }) => liveChatInput(context) },
  initial: 'talking',
  on: {
    // Already with a person.
    TALK_TO_PERSON: {},
    SHOW_CRISIS_LINES: { actions: ['recordChoice', 'addCrisisLines'] },
    QUICK_EXIT: { actions: 'endLiveChatOnExit' },
    connected: { actions: 'noteConnected' },
    queued: { actions: 'notePosition' },
    'navigator-joined': { actions: 'noteJoined' },
    message: [
      { guard: 'sentServices', actions: ['receiveLiveMessage', 'lookUpSentServices'] },
      { actions: 'receiveLiveMessage' },
    ],
    ack: { actions: 'noteDelivered' },
    ended: { target: 'ended' },
    offline: { target: '.offline' },
    error: [{ guard: 'chatAlreadyEnded', target: 'ended' }, { actions: 'noteLiveError' }],
    // The crisis checks of typed messages (spawned as liveTriage-<n>) report back here.
    // So do the look-ups of services a navigator sent (serviceLookup-<seq>).
    'xstate.done.actor.*': { actions: ['showLiveCrisis', 'fillSentServices'] },
  },
  states: {
    talking: {
      initial: 'connecting',
      on: {
        SUBMIT_TEXT: { actions: ['sendLiveMessage', 'forwardLastPending', 'checkLiveMessage'] },
        LIVE_SAFETY_ANSWER: { actions: ['recordChoice', 'sendLiveSafetyAnswer', 'forwardLastPending'] },
        DECLINE_FOLLOW_UP: { actions: ['recordChoice', 'declineFollowUp', 'forwardLastPending'] },
        'follow-up-saved': { actions: 'thankForFollowUp' },
        TYPING: { actions: 'forwardTyping' },
        END_CHAT: { actions: ['recordChoice', 'endLiveChat'] },
        // Reaching the service, or reaching it again after the connection dropped.
        connecting: { target: '.connecting' },
        'navigator-joined': { target: '.chatting', actions: 'noteJoined' },
      },
      states: {
        connecting: {
          tags: ['live-connecting'],
          on: {
            connected: { target: 'waiting', actions: 'noteConnected' },
            queued: { target: 'waiting', actions: 'noteQueued' },
          },
        },
        waiting: {
          tags: ['live-waiting'],
          on: { queued: { actions: 'noteQueued' } },
        },
        chatting: {
          tags: ['live-chatting'],
          initial: 'listening',
          states: {
            listening: {
              on: {
                typing: { guard: 'navigatorStartedTyping', target: 'navigatorTyping' },
                ACCEPT_FOLLOW_UP: { target: 'followUpForm', actions: 'recordChoice' },
              },
            },
            navigatorTyping: {
              tags: ['navigator-typing'],
              on: {
                typing: { guard: 'navigatorStoppedTyping', target: 'listening' },
                message: [
                  { guard: 'sentServices', target: 'listening', actions: ['receiveLiveMessage', 'lookUpSentServices'] },
                  { target: 'listening', actions: 'receiveLiveMessage' },
                ],
                ACCEPT_FOLLOW_UP: { target: 'followUpForm', actions: 'recordChoice' },
              },
            },
            /** A phone number and a time for the navigator's follow-up call, told first how long it is kept. */
            followUpForm: {
              tags: ['follow-up-form'],
              entry: 'showFollowUpWayOut',
              on: {
                SUBMIT_FOLLOW_UP: { target: 'listening', actions: ['recordFollowUp', 'sendFollowUpRequest'] },
                DECLINE_FOLLOW_UP: {
                  target: 'listening',
                  actions: ['recordChoice', 'declineFollowUp', 'forwardLastPending'],
                },
              },
            },
          },
        },
      },
    },
    offline: {
      entry: 'showOffline',
      on: {
        REQUEST_CALLBACK: { target: 'callbackForm', actions: 'recordChoice' },
      },
    },
    /** A phone number and a time to call, after hours or when no navigator is free. */
    callbackForm: {
      tags: ['callback-form'],
      entry: 'askForCallback',
      on: {
        SUBMIT_CALLBACK: { target: 'callbackSent', actions: ['recordCallback', 'sendCallbackRequest'] },
        CANCEL_CALLBACK: { target: 'offline', actions: 'recordChoice' },
      },
    },
    callbackSent: {
      on: {
        'callback-requested': { actions: 'thankForCallback' },
      },
    },
  },
});

/** Talking to a person: by phone without a navigator service, otherwise a live chat. */
export const withPersonState = liveChatSetup.createStateConfig({
  entry: 'announceHandoff',
  initial: 'choosing',
  on: {
    ANOTHER_NEED: { target: 'askingNeed', actions: ['recordChoice', 'askAnotherNeed'] },
  },
  states: {
    choosing: {
      always: [{ guard: 'liveChatConfigured', target: 'live' }, { target: 'byPhone' }],
    },
    /** No navigator service: the region's phone and text lines, honestly. */
    byPhone: {
      entry: 'showPersonOptions',
    },
    live: liveState,
    ended: {
      entry: 'showChatEnded',
    },
  },
});
