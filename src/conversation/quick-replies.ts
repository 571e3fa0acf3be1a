/**
 * Quick replies: each event's label is written once, in {@link replyLine}, and serves both the
 * button that offers it and the visitor's line in the history once it is chosen. Two buttons
 * word their offer differently from the choice they record (an urgent "yes, connect me", "let
 * me describe it"); those labels are written here too, once each.
 */
import type { AgeGroup } from '../directory/directory-matcher.js';
import { NEED_CATEGORIES } from '../directory/snapshot.js';
import type { Line } from './chat-message.js';
import type { AreaOption, ConversationEvent, Question, QuickReply, ReplyEvent } from './conversation-types.js';

/** Up to this many areas are offered as buttons; more (a county's cities) are typed instead. */
export const MAX_AREA_BUTTONS = 8;

const AGE_GROUPS: AgeGroup[] = ['child', 'adult', 'senior'];

/** The label of a reply event: on its button, and in the history once chosen. */
export function replyLine(event: ReplyEvent, areaOptions: AreaOption[] = []): Line {
  switch (event.type) {
    case 'CHOOSE_CATEGORY':
      return { key: `categories.${event.category}` };
    case 'DESCRIBE_NEED':
      return { key: 'categories.other' };
    case 'ANSWER':
      if (event.question === 'area') {
        const area = areaOptions.find((option) => option.id === event.value);
        return area ? { key: 'answers.area', params: { name: area.name } } : { key: 'answers.anyArea' };
      }
      if (event.question === 'ageGroup') return { key: `answers.ageGroup.${event.value}` };
      return { key: event.value ? 'answers.today.yes' : 'answers.today.no' };
    case 'FEEDBACK':
      return { key: event.helpful ? 'replies.helped' : 'replies.didNotHelp' };
    case 'SHARE_LOCATION':
      return { key: 'answers.myLocation' };
    case 'ANOTHER_NEED':
      return { key: 'replies.anotherNeed' };
    case 'CONTINUE':
      return { key: 'replies.continue' };
    case 'RETRY':
      return { key: 'replies.retry' };
    case 'TALK_TO_PERSON':
      return { key: 'replies.talkToPerson' };
    case 'SHOW_CRISIS_LINES':
      return { key: 'replies.crisisLines' };
    case 'SAFETY_ANSWER':
      return { key: event.safe ? 'lines:safetyCheck.safe' : 'lines:safetyCheck.notSafe' };
    case 'START_OVER':
      return { key: 'replies.startOver' };
    case 'END_CHAT':
      return { key: 'lines:live.endChat' };
    case 'REQUEST_CALLBACK':
      return { key: 'lines:live.requestCallback' };
    case 'CANCEL_CALLBACK':
      return { key: 'lines:live.callback.cancel' };
    case 'LIVE_SAFETY_ANSWER':
      return { key: `lines:live.desk.safety.${event.answer}` };
    case 'ACCEPT_FOLLOW_UP':
      return { key: 'lines:live.desk.followUp.yes' };
    case 'DECLINE_FOLLOW_UP':
      return { key: 'lines:live.desk.followUp.no' };
  }
}

/** A quick reply labelled as the history will show it once chosen. */
export function reply(event: ReplyEvent, areaOptions?: AreaOption[]): QuickReply {
  return { line: replyLine(event, areaOptions), event };
}

/** The replies offered in more than one place. */
export const REPLIES = {
  person: reply({ type: 'TALK_TO_PERSON' }),
  /** A person, offered at once after crisis lines. */
  urgentPerson: { line: { key: 'safety:handoff.accept' }, event: { type: 'TALK_TO_PERSON' } },
  /** After results that did not help: the same event as "something else", worded as an invitation. */
  describe: { line: { key: 'replies.describe' }, event: { type: 'DESCRIBE_NEED' } },
  startOver: reply({ type: 'START_OVER' }),
  anotherNeed: reply({ type: 'ANOTHER_NEED' }),
  /** Crisis lines on request, for a crisis that the visitor's words would not reveal. */
  crisisLines: reply({ type: 'SHOW_CRISIS_LINES' }),
  continue: reply({ type: 'CONTINUE' }),
  /** The answers to "Are you safe right now?". */
  safe: reply({ type: 'SAFETY_ANSWER', safe: true }),
  notSafe: reply({ type: 'SAFETY_ANSWER', safe: false }),
  /** A person instead of an answer, worded as the visitor would say it. */
  ratherTalk: { line: { key: 'lines:safetyCheck.talk' }, event: { type: 'TALK_TO_PERSON' } },
  retry: reply({ type: 'RETRY' }),
  helped: reply({ type: 'FEEDBACK', helpful: true }),
  didNotHelp: reply({ type: 'FEEDBACK', helpful: false }),
  endChat: reply({ type: 'END_CHAT' }),
  requestCallback: reply({ type: 'REQUEST_CALLBACK' }),
  cancelCallback: reply({ type: 'CANCEL_CALLBACK' }),
  /** The answers to the navigator's safety check, in a live chat. */
  liveSafe: reply({ type: 'LIVE_SAFETY_ANSWER', answer: 'safe' }),
  liveNotSafe: reply({ type: 'LIVE_SAFETY_ANSWER', answer: 'not-safe' }),
  liveRatherCall: reply({ type: 'LIVE_SAFETY_ANSWER', answer: 'call' }),
  acceptFollowUp: reply({ type: 'ACCEPT_FOLLOW_UP' }),
  declineFollowUp: reply({ type: 'DECLINE_FOLLOW_UP' }),
} satisfies Record<string, QuickReply>;

/**
 * The category buttons, then "something else", then crisis lines: phrase detection misses
 * crisis worded in ways it has not seen (docs/crisis-detection.md), so the lines are always
 * one tap away too.
 */
export function categoryReplies(): QuickReply[] {
  return [
    ...NEED_CATEGORIES.map((category) => reply({ type: 'CHOOSE_CATEGORY', category })),
    reply({ type: 'DESCRIBE_NEED' }),
    REPLIES.crisisLines,
  ];
}

/** The buttons that answer a question. */
export function questionReplies(question: Question, areaOptions: AreaOption[], canLocate = false): QuickReply[] {
  switch (question) {
    case 'area':
      return [
        ...(areaOptions.length <= MAX_AREA_BUTTONS
          ? areaOptions.map((area) => reply({ type: 'ANSWER', question: 'area', value: area.id }, areaOptions))
          : []),
        ...(canLocate ? [reply({ type: 'SHARE_LOCATION' })] : []),
        reply({ type: 'ANSWER', question: 'area', value: null }),
      ];
    case 'ageGroup':
      return AGE_GROUPS.map((value) => reply({ type: 'ANSWER', question: 'ageGroup', value }));
    case 'today':
      return [true, false].map((value) => reply({ type: 'ANSWER', question: 'today', value }));
  }
}

/** Events that carry words or come from the connection are not choices. */
const NOT_REPLIES = ['SUBMIT_TEXT', 'SET_LANGUAGE', 'TYPING', 'SUBMIT_CALLBACK', 'SUBMIT_FOLLOW_UP', 'QUICK_EXIT'];

/** Quick replies' events: the visitor's choices, named in capitals; the connection's are lower case. */
export function isReplyEvent(event: ConversationEvent): event is ReplyEvent {
  return /^[A-Z_]+$/.test(event.type) && !NOT_REPLIES.includes(event.type);
}
