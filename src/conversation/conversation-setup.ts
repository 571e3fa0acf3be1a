/**
 * What every part of the conversation machine shares: its types, the effects it names (actors
 * the element provides), the history helpers, and the actions used across sub-flows (recording
 * the visitor's side, language, crisis lines, offering a person, announcements). Each sub-flow
 * extends this setup with its own actions and guards in its own file (`need-finding.states.ts`,
 * `live-chat.states.ts`), and `conversation.machine.ts` puts the states together.
 */
import { assign, emit, fromCallback, fromPromise, setup } from 'xstate';
import type { GeoPoint } from '../directory/snapshot.js';
import type { HandoffCommand } from '../handoff/handoff-actor.js';
import type { HandoffOpenRequest } from '../handoff/handoff-transport.js';
import type { ChatMessage, Line, NewChatMessage } from './chat-message.js';
import type {
  AssessNeedInput,
  ConversationConfig,
  ConversationContext,
  ConversationEmitted,
  ConversationEvent,
  ConversationInput,
  ConversationTag,
  FindServicesInput,
  FoundServices,
  NeedAnswers,
  NeedAssessment,
  TriageInput,
} from './conversation-types.js';
import type { TranslationKey } from '../i18n/i18n.js';
import { DEFAULT_HANDOFF_THRESHOLDS } from './handoff-rules.js';
import { categoryReplies, isReplyEvent, REPLIES, replyLine } from './quick-replies.js';
import type { Triage } from './triage.js';

const DEFAULT_CONFIG: ConversationConfig = {
  emergencyNumber: '911',
  maxQuestions: 2,
  handoff: DEFAULT_HANDOFF_THRESHOLDS,
  liveChat: false,
  canLocate: false,
  countsNeeds: false,
};

/** Adds messages to the history, numbering them. */
export function withMessages(context: ConversationContext, ...added: NewChatMessage[]) {
  let nextId = context.nextId;
  const messages = [...context.messages, ...added.map((m) => ({ ...m, id: nextId++ }) as ChatMessage)];
  return { messages, nextId };
}

/** An assistant's line of text. */
export function assistant(key: TranslationKey, params?: Line['params']): NewChatMessage {
  return { from: 'assistant', kind: 'text', line: params ? { key, params } : { key } };
}

/** What carries over from one need to the next: where the visitor is. */
export function keepArea(answers: NeedAnswers): NeedAnswers {
  return answers.area === undefined ? {} : { area: answers.area };
}

/** A fresh conversation: welcome, the privacy line, and "What do you need help with?". */
export function initialContext(input: ConversationInput): ConversationContext {
  const config = { ...DEFAULT_CONFIG, ...input.config };
  const empty: ConversationContext = {
    language: input.language,
    languageChosen: false,
    languageNoteDue: false,
    config,
    messages: [],
    nextId: 1,
    replies: categoryReplies(),
    need: null,
    answers: {},
    questions: [],
    areaOptions: [],
    needs: [],
    heldText: null,
    crisis: [],
    crisisLinesAsked: false,
    safetyCheck: null,
    urgentWords: false,
    notHelpfulCount: 0,
    handoffReason: null,
    live: null,
    clientPrefix: input.clientPrefix ?? 'visitor-chat',
  };
  return {
    ...empty,
    ...withMessages(
      empty,
      assistant('welcome'),
      assistant('privacy', { emergency: config.emergencyNumber }),
      ...(config.countsNeeds ? [assistant('privacyCounts')] : []),
      assistant('askNeed'),
    ),
  };
}

/** The shared setup. Provide `triageText`, `assessNeed`, `findServices` and the rest before running. */
export const conversationSetup = setup({
  types: {} as {
    context: ConversationContext;
    events: ConversationEvent;
    input: ConversationInput;
    emitted: ConversationEmitted;
    tags: ConversationTag;
  },
  actors: {
    triageText: fromPromise<Triage, TriageInput>(async () => {
      throw new Error('triageText must be provided');
    }),
    assessNeed: fromPromise<NeedAssessment, AssessNeedInput>(async () => {
      throw new Error('assessNeed must be provided');
    }),
    findServices: fromPromise<FoundServices, FindServicesInput>(async () => {
      throw new Error('findServices must be provided');
    }),
    /** The visitor's position, when they choose to share it; the element provides the browser's. */
    locateVisitor: fromPromise<GeoPoint>(async () => {
      throw new Error('locateVisitor must be provided');
    }),
    /** Services a navigator sent, looked up by id in the widget's directory. */
    lookupServices: fromPromise<FoundServices, { ids: string[] }>(async () => {
      throw new Error('lookupServices must be provided');
    }),
    /** The live chat connection; the element provides one over its navigator service. */
    navigator: fromCallback<HandoffCommand, HandoffOpenRequest>(({ sendBack }) => {
      sendBack({ type: 'offline', reason: 'no-navigators' });
    }),
  },
  actions: {
    announceHandoff: emit(({ context }) => ({ type: 'handoff' as const, reason: context.handoffReason ?? 'asked' })),
    announceCrisisLines: emit({ type: 'crisis-lines' as const }),
    /** The visitor's side of a quick reply, in the history. */
    recordChoice: assign(({ context, event }) =>
      isReplyEvent(event)
        ? withMessages(context, { from: 'visitor', kind: 'choice', line: replyLine(event, context.areaOptions) })
        : {},
    ),
    recordText: assign(({ context, event }) =>
      event.type === 'SUBMIT_TEXT' ? withMessages(context, { from: 'visitor', kind: 'text', text: event.text }) : {},
    ),
    setLanguage: assign({
      language: ({ context, event }) => (event.type === 'SET_LANGUAGE' ? event.language : context.language),
      languageChosen: true,
    }),
    askNeed: assign(({ context }) => ({
      ...withMessages(context, assistant('askNeed')),
      replies: categoryReplies(),
      need: null,
      answers: {},
      questions: [],
      heldText: null,
      urgentWords: false,
    })),
    askAnotherNeed: assign(({ context }) => ({
      ...withMessages(context, assistant('askAnotherNeed')),
      replies: categoryReplies(),
      need: null,
      answers: keepArea(context.answers),
      questions: [],
      heldText: null,
      urgentWords: false,
    })),
    startOver: assign(({ context }) => ({
      ...withMessages(context, assistant('startOverNote')),
      needs: [],
      notHelpfulCount: 0,
      crisis: [],
      crisisLinesAsked: false,
      handoffReason: null,
    })),
    /** Every line of the region, asked for; then a person, urgently, or back to services. */
    showCrisisLines: assign(({ context }) => ({
      ...withMessages(
        context,
        { from: 'assistant', kind: 'crisis', kinds: [], asked: true },
        assistant('safety:handoff.urgentOffer'),
      ),
      crisisLinesAsked: true,
      handoffReason: 'crisis' as const,
      heldText: null,
      replies: [REPLIES.urgentPerson, REPLIES.anotherNeed, REPLIES.startOver],
    })),
    /** No navigator service: the region's phone and text lines, honestly. */
    showPersonOptions: assign(({ context }) => ({
      ...withMessages(context, { from: 'assistant', kind: 'contacts', purpose: 'person' }),
      handoffReason: context.handoffReason ?? ('asked' as const),
      replies: [REPLIES.anotherNeed, REPLIES.startOver],
    })),
  },
  guards: {
    liveChatConfigured: ({ context }) => context.config.liveChat,
  },
});
