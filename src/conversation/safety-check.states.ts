/**
 * The crisis response and the safety question. A strong sign of crisis in typed words gets the
 * crisis response at once; a possible sign (docs/crisis-detection.md, "Two tiers") gets what a
 * navigator does: the assistant asks directly, "Are you safe right now?", with three replies.
 * "I'm not safe" shows the crisis response and the urgent offer of a person; "I'm safe" carries
 * on with the need the message named; "I'd rather talk to someone" goes to a person, flagged
 * as a possible crisis. The navigator's summary shows the question and the answer.
 *
 * Its actions extend the need-finding setup; `conversation.machine.ts` sends a possible sign
 * here from triage and puts {@link checkingSafetyState} among its states.
 */
import { assign } from 'xstate';
import { assistant, withMessages } from './conversation-setup.js';
import type { SafetyAnswer } from './conversation-types.js';
import type { CrisisKind } from './crisis-kinds.js';
import { needFindingSetup } from './need-finding.states.js';
import { REPLIES } from './quick-replies.js';

/** The need-finding setup with the crisis response and the safety question. */
export const safetyCheckSetup = needFindingSetup.extend({
  actions: {
    /** The crisis response for these kinds, then the urgent offer of a person. */
    showCrisis: assign(({ context }, kinds: CrisisKind[]) => ({
      ...withMessages(context, { from: 'assistant', kind: 'crisis', kinds }, assistant('safety:handoff.urgentOffer')),
      crisis: kinds,
      handoffReason: 'crisis' as const,
      replies: [REPLIES.urgentPerson, ...(context.heldText ? [REPLIES.continue] : []), REPLIES.startOver],
    })),
    /** "Are you safe right now?", asked once for a possible sign of these kinds. */
    askIfSafe: assign(({ context }, kinds: CrisisKind[]) => ({
      ...withMessages(context, assistant('lines:safetyCheck.question')),
      safetyCheck: { kinds, answer: null },
      replies: [REPLIES.safe, REPLIES.notSafe, REPLIES.ratherTalk],
    })),
    recordSafetyAnswer: assign(({ context }, answer: SafetyAnswer) =>
      context.safetyCheck ? { safetyCheck: { ...context.safetyCheck, answer } } : {},
    ),
    thankForSafetyAnswer: assign(({ context }) => withMessages(context, assistant('lines:safetyCheck.thanks'))),
    /** A person, for a visitor asked whether they are safe: urgent for the navigator. */
    flagPossibleCrisis: assign({ handoffReason: 'crisis' as const }),
  },
});

/** Waiting for the answer to "Are you safe right now?". */
export const checkingSafetyState = safetyCheckSetup.createStateConfig({
  on: {
    SAFETY_ANSWER: [
      {
        guard: ({ event }) => !event.safe,
        target: 'crisis',
        actions: [
          'recordChoice',
          { type: 'recordSafetyAnswer', params: 'not-safe' },
          { type: 'showCrisis', params: ({ context }) => context.safetyCheck?.kinds ?? [] },
          'announceHandoff',
        ],
      },
      {
        target: 'understanding',
        actions: ['recordChoice', { type: 'recordSafetyAnswer', params: 'safe' }, 'thankForSafetyAnswer'],
      },
    ],
    TALK_TO_PERSON: {
      target: 'withPerson',
      actions: ['recordChoice', { type: 'recordSafetyAnswer', params: 'person' }, 'flagPossibleCrisis'],
    },
  },
});
