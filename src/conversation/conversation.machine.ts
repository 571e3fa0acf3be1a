/**
 * The conversation: one pure XState machine. It holds the history as data, decides what to
 * ask next and which quick replies to offer, and names every effect (searching the directory)
 * as an actor the element provides. No DOM, fetch or storage here: tests run it with
 * `createActor(conversationMachine.provide({...}))`.
 *
 * The flow: welcome and privacy line, "What do you need help with?", at most two clarifying
 * questions that change the results, 3 to 5 services, "Did this help?", then another need,
 * a person, or start over. At any point: talk to a person, start over, switch language, or
 * type; every typed message is checked for crisis first.
 *
 * This file holds what happens to every typed message (triage, the crisis response) and puts
 * the sub-flows together; each sub-flow has its own file: `need-finding.states.ts` (from a
 * need to its results) and `live-chat.states.ts` (talking to a person). The shared setup,
 * effects and history helpers are in `conversation-setup.ts`, the types in
 * `conversation-types.ts`, the quick replies in `quick-replies.ts`.
 */
import { assign } from 'xstate';
import { assistant, initialContext, withMessages } from './conversation-setup.js';
import { withPersonState } from './live-chat.states.js';
import { needFindingStates } from './need-finding.states.js';
import { checkingSafetyState, safetyCheckSetup } from './safety-check.states.js';
import type { Triage } from './triage.js';

/** The conversation machine. Provide `triageText`, `assessNeed` and `findServices` before running it. */
export const conversationMachine = safetyCheckSetup
  .extend({
    actions: {
      holdText: assign({ heldText: ({ event }) => (event.type === 'SUBMIT_TEXT' ? event.text : null) }),
      releaseText: assign({ heldText: null }),
      /** A visitor writing Spanish on an English page is answered in Spanish, and told so. */
      followTypedLanguage: assign(({ context }, triage: Triage) => {
        const language = triage.language;
        if (context.languageChosen || !language || language === context.language) return {};
        return { language, languageNoteDue: true };
      }),
      /** Says the language changed, once: after a crisis response, never before it. */
      noteFollowedLanguage: assign(({ context }) =>
        context.languageNoteDue
          ? { ...withMessages(context, assistant('lines:languageFollowed')), languageNoteDue: false }
          : {},
      ),
      sayEmergencyNumber: assign(({ context }) =>
        withMessages(context, assistant('lines:safetyNet', { emergency: context.config.emergencyNumber })),
      ),
    },
    guards: {
      isCrisis: (_, triage: Triage) => triage.crisis.length > 0,
      // `?.`: a triage provided by an older embedder's code may not report the possible tier.
      isPossibleCrisis: (_, triage: Triage) => (triage.concern?.length ?? 0) > 0,
      asksForPerson: (_, triage: Triage) => triage.askedForPerson,
    },
  })
  .createMachine({
    id: 'conversation',
    context: ({ input }) => initialContext(input),
    initial: 'askingNeed',
    on: {
      SET_LANGUAGE: { actions: 'setLanguage' },
      TALK_TO_PERSON: { target: '.withPerson', actions: 'recordChoice' },
      SHOW_CRISIS_LINES: { target: '.crisis', actions: ['recordChoice', 'showCrisisLines'] },
      START_OVER: { target: '.askingNeed', actions: ['recordChoice', 'startOver', 'askNeed'] },
      // Global, so a host page's own "Get help with food" button works at any point.
      CHOOSE_CATEGORY: { target: '.assessing', actions: ['recordChoice', 'chooseCategory', 'announceNeed'] },
      SUBMIT_TEXT: { target: '.triaging', actions: ['recordText', 'holdText'] },
    },
    states: {
      askingNeed: {
        on: {
          DESCRIBE_NEED: { target: 'describingNeed', actions: 'recordChoice' },
        },
      },
      /** Every typed message is checked for crisis, and for a request for a person, before anything else. */
      triaging: {
        tags: ['busy'],
        invoke: {
          id: 'triage',
          src: 'triageText',
          input: ({ context }) => ({ text: context.heldText ?? '' }),
          onDone: [
            {
              guard: { type: 'isCrisis', params: ({ event }) => event.output },
              target: 'crisis',
              actions: [
                { type: 'followTypedLanguage', params: ({ event }) => event.output },
                { type: 'showCrisis', params: ({ event }) => event.output.crisis },
                'noteFollowedLanguage',
                'announceHandoff',
              ],
            },
            {
              guard: { type: 'isPossibleCrisis', params: ({ event }) => event.output },
              target: 'checkingSafety',
              actions: [
                { type: 'followTypedLanguage', params: ({ event }) => event.output },
                { type: 'askIfSafe', params: ({ event }) => event.output.concern },
                'noteFollowedLanguage',
              ],
            },
            {
              guard: { type: 'asksForPerson', params: ({ event }) => event.output },
              target: 'withPerson',
              actions: [
                { type: 'followTypedLanguage', params: ({ event }) => event.output },
                'noteFollowedLanguage',
                'releaseText',
              ],
            },
            {
              target: 'understanding',
              actions: [{ type: 'followTypedLanguage', params: ({ event }) => event.output }, 'noteFollowedLanguage'],
            },
          ],
          // The phrase lists could not load: go on with the need, and name the emergency number once more.
          onError: { target: 'understanding', actions: ['noteFollowedLanguage', 'sayEmergencyNumber'] },
        },
      },
      ...needFindingStates,
      /** A possible sign of crisis: "Are you safe right now?" before anything else. */
      checkingSafety: checkingSafetyState,
      crisis: {
        on: {
          CONTINUE: { guard: 'hasHeldText', target: 'understanding', actions: 'recordChoice' },
          ANOTHER_NEED: { target: 'askingNeed', actions: ['recordChoice', 'askAnotherNeed'] },
        },
      },
      withPerson: withPersonState,
    },
  });

/** The running conversation's type, for the element and tests. */
export type ConversationMachine = typeof conversationMachine;
