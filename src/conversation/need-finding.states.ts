/**
 * Finding services for a need: understanding typed words or a chosen category, at most two
 * clarifying questions that change the results, the search, the results and "Did this help?".
 * Its actions and guards extend the live chat's setup (setups chain, so the machine knows every
 * action by name); `conversation.machine.ts` spreads {@link needFindingStates} among its states.
 */
import { assign, emit } from 'xstate';
import type { GeoPoint } from '../directory/snapshot.js';
import { assistant, keepArea, withMessages } from './conversation-setup.js';
import type { ConversationContext, CurrentNeed, FoundServices, NeedAssessment } from './conversation-types.js';
import { type HandoffReason, handoffReason } from './handoff-rules.js';
import { liveChatSetup } from './live-chat.states.js';
import { categoryReplies, MAX_AREA_BUTTONS, questionReplies, REPLIES } from './quick-replies.js';

function currentHandoffReason(context: ConversationContext, nothingFits: boolean): HandoffReason | null {
  return handoffReason(
    {
      crisis: false,
      askedForPerson: false,
      categories: context.need?.categories ?? [],
      today: context.answers.today === true,
      urgentWords: context.urgentWords,
      needsCollected: context.needs.length,
      notHelpfulCount: context.notHelpfulCount,
      nothingFits,
    },
    context.config.handoff,
  );
}

/** The live chat's setup with the need-finding actions and guards. */
export const needFindingSetup = liveChatSetup.extend({
  actions: {
    announceNeed: emit(({ context }) => ({ type: 'need' as const, categories: context.need?.categories ?? [] })),
    announceUnmetNeed: emit(({ context }) => ({
      type: 'need' as const,
      categories: context.need?.categories ?? [],
      count: 0 as const,
    })),
    announceResults: emit(({ context }, found: FoundServices) => ({
      type: 'results' as const,
      categories: context.need?.categories ?? [],
      count: found.results.length,
    })),
    announceFeedback: emit(({ context, event }) => ({
      type: 'feedback' as const,
      categories: context.need?.categories ?? [],
      helpful: event.type === 'FEEDBACK' && event.helpful,
    })),
    askToDescribe: assign(({ context }) => ({
      ...withMessages(context, assistant('describeNeed')),
      replies: [REPLIES.person],
    })),
    chooseCategory: assign(({ context, event }) => {
      if (event.type !== 'CHOOSE_CATEGORY') return {};
      const need = { categories: [event.category] };
      return {
        need,
        needs: [...context.needs, need],
        answers: keepArea(context.answers),
        heldText: null,
        urgentWords: false,
      };
    }),
    applyAssessment: assign(({ context }, assessment: NeedAssessment) => {
      const need: CurrentNeed = {
        categories: assessment.categories.length ? assessment.categories : (context.need?.categories ?? []),
        ...(context.heldText ? { text: context.heldText } : context.need?.text ? { text: context.need.text } : {}),
      };
      const isNewNeed = context.heldText !== null;
      // A new need keeps only the area: the visitor is still where they were.
      const kept = isNewNeed ? keepArea(context.answers) : context.answers;
      const answers = { ...kept, ...assessment.hints };
      return {
        need,
        needs: isNewNeed ? [...context.needs, need] : context.needs,
        answers,
        heldText: null,
        urgentWords: assessment.urgentWords || context.urgentWords,
        areaOptions: assessment.areaOptions,
        questions: assessment.questions.filter((q) => answers[q] === undefined).slice(0, context.config.maxQuestions),
      };
    }),
    applyHintsToQuestion: assign(({ context }, assessment: NeedAssessment) => {
      const answers = { ...context.answers, ...assessment.hints };
      return { answers, heldText: null, questions: context.questions.filter((q) => answers[q] === undefined) };
    }),
    askQuestion: assign(({ context }) => {
      const question = context.questions[0];
      if (!question) return {};
      const typedArea = question === 'area' && context.areaOptions.length > MAX_AREA_BUTTONS;
      return {
        ...withMessages(context, assistant(typedArea ? 'questions.areaTyped' : `questions.${question}`)),
        replies: [...questionReplies(question, context.areaOptions, context.config.canLocate), REPLIES.person],
      };
    }),
    useLocation: assign(({ context }, point: GeoPoint) => ({
      // Nearest first, wherever that is: no area filter.
      answers: { ...context.answers, near: point, area: null },
      questions: context.questions.filter((q) => q !== 'area'),
    })),
    sayLocationUnavailable: assign(({ context }) => withMessages(context, assistant('lines:location.unavailable'))),
    applyAnswer: assign(({ context, event }) => {
      if (event.type !== 'ANSWER') return {};
      return {
        answers: { ...context.answers, [event.question]: event.value },
        questions: context.questions.filter((q) => q !== event.question),
      };
    }),
    /**
     * Nothing in this directory could match the words: say so, name what was looked for, and
     * offer what there is (the categories, the helpline's phone and text, a person) instead of
     * asking for an area or an age that could not change that.
     */
    sayNothingFits: assign(({ context }, assessment: NeedAssessment) => {
      const need: CurrentNeed = {
        categories: assessment.categories,
        ...(context.heldText ? { text: context.heldText } : {}),
      };
      return {
        ...withMessages(
          context,
          assistant('nothingFits', { words: (assessment.nothingFits?.words ?? []).join(', ') }),
          { from: 'assistant', kind: 'contacts', purpose: 'no-results' },
        ),
        need,
        needs: [...context.needs, need],
        heldText: null,
        handoffReason: 'nothing-fits' as const,
        replies: [...categoryReplies(), REPLIES.person],
      };
    }),
    sayNotUnderstood: assign(({ context }) => ({
      ...withMessages(context, assistant('notUnderstood')),
      heldText: null,
      replies: [...categoryReplies(), REPLIES.person],
    })),
    showResults: assign(({ context }, found: FoundServices) => {
      const reason = currentHandoffReason(context, false);
      return {
        ...withMessages(
          context,
          assistant('resultsIntro', { count: found.results.length }),
          {
            from: 'assistant',
            kind: 'results',
            categories: context.need?.categories ?? [],
            results: found.results,
            timeZone: found.timeZone,
            distanceUnit: found.distanceUnit,
          },
          ...(reason ? [assistant(`lines:offerPerson.${reason}`)] : []),
          assistant('didThisHelp'),
        ),
        handoffReason: reason,
        replies: [REPLIES.helped, REPLIES.didNotHelp, ...(reason ? [REPLIES.person] : [])],
      };
    }),
    showNoResults: assign(({ context }) => ({
      ...withMessages(context, assistant('noResults'), { from: 'assistant', kind: 'contacts', purpose: 'no-results' }),
      handoffReason: 'nothing-fits' as const,
      replies: [REPLIES.anotherNeed, REPLIES.startOver],
    })),
    thankForFeedback: assign(({ context }) => ({
      ...withMessages(context, assistant('gladItHelped')),
      replies: [REPLIES.anotherNeed, REPLIES.person, REPLIES.startOver],
    })),
    offerAfterNotHelpful: assign(({ context }) => {
      const notHelpfulCount = context.notHelpfulCount + 1;
      const reason = currentHandoffReason({ ...context, notHelpfulCount }, false);
      return {
        ...withMessages(context, assistant(reason ? `lines:offerPerson.${reason}` : 'sorryNotHelpful')),
        notHelpfulCount,
        handoffReason: reason,
        replies: [REPLIES.describe, REPLIES.anotherNeed, REPLIES.person],
      };
    }),
    showDirectoryUnavailable: assign(({ context }) => ({
      ...withMessages(context, assistant('directoryUnavailable'), {
        from: 'assistant',
        kind: 'contacts',
        purpose: 'directory-unavailable',
      }),
      replies: [REPLIES.retry, REPLIES.startOver],
    })),
  },
  guards: {
    hasHeldText: ({ context }) => context.heldText !== null,
    hasNeed: ({ context }) => context.need !== null,
    understood: (_, assessment: NeedAssessment) => assessment.understood,
    nothingFits: (_, assessment: NeedAssessment) => (assessment.nothingFits?.words.length ?? 0) > 0,
    answersPendingQuestion: ({ context }, assessment: NeedAssessment) =>
      context.questions.some((q) => assessment.hints[q] !== undefined),
    /** "N9N 2B4" while asked where: an answer, not a new need. */
    onlyAnswersPendingQuestion: ({ context }, assessment: NeedAssessment) =>
      assessment.categories.length === 0 && context.questions.some((q) => assessment.hints[q] !== undefined),
    hasQuestion: ({ context }) => context.questions.length > 0,
    foundServices: (_, found: FoundServices) => found.results.length > 0,
    helpful: ({ event }) => event.type === 'FEEDBACK' && event.helpful,
  },
});

/** The states from a need to its results; targets name their siblings in the conversation. */
export const needFindingStates = {
  describingNeed: needFindingSetup.createStateConfig({
    entry: 'askToDescribe',
  }),
  /** Free text: work out the need, or an answer to the question pending. */
  understanding: needFindingSetup.createStateConfig({
    tags: ['busy'],
    invoke: {
      id: 'understand',
      src: 'assessNeed',
      input: ({ context }) => ({
        need: { categories: [], text: context.heldText ?? '' },
        answers: context.answers,
        language: context.language,
      }),
      onDone: [
        {
          guard: { type: 'onlyAnswersPendingQuestion', params: ({ event }) => event.output },
          target: 'clarifying',
          actions: { type: 'applyHintsToQuestion', params: ({ event }) => event.output },
        },
        {
          guard: { type: 'nothingFits', params: ({ event }) => event.output },
          target: 'nothingFits',
          actions: [{ type: 'sayNothingFits', params: ({ event }) => event.output }, 'announceUnmetNeed'],
        },
        {
          guard: { type: 'understood', params: ({ event }) => event.output },
          target: 'clarifying',
          actions: [{ type: 'applyAssessment', params: ({ event }) => event.output }, 'announceNeed'],
        },
        {
          guard: { type: 'answersPendingQuestion', params: ({ event }) => event.output },
          target: 'clarifying',
          actions: { type: 'applyHintsToQuestion', params: ({ event }) => event.output },
        },
        { target: 'notUnderstood' },
      ],
      onError: { target: 'directoryUnavailable' },
    },
  }),
  notUnderstood: needFindingSetup.createStateConfig({
    entry: 'sayNotUnderstood',
  }),
  /** The words were read, and this directory has nothing for them. */
  nothingFits: needFindingSetup.createStateConfig({}),
  /** A chosen category: find out which questions matter. */
  assessing: needFindingSetup.createStateConfig({
    tags: ['busy'],
    invoke: {
      id: 'assess',
      src: 'assessNeed',
      input: ({ context }) => ({
        need: context.need ?? { categories: [] },
        answers: context.answers,
        language: context.language,
      }),
      onDone: {
        target: 'clarifying',
        actions: { type: 'applyAssessment', params: ({ event }) => event.output },
      },
      onError: { target: 'directoryUnavailable' },
    },
  }),
  clarifying: needFindingSetup.createStateConfig({
    always: [{ guard: 'hasQuestion', target: 'asking' }, { target: 'searching' }],
  }),
  asking: needFindingSetup.createStateConfig({
    entry: 'askQuestion',
    on: {
      ANSWER: { target: 'clarifying', actions: ['recordChoice', 'applyAnswer'] },
      SHARE_LOCATION: { target: 'locating', actions: 'recordChoice' },
    },
  }),
  /** The browser asks the visitor's permission; declining or failing just asks again. */
  locating: needFindingSetup.createStateConfig({
    tags: ['busy'],
    invoke: {
      id: 'locate',
      src: 'locateVisitor',
      onDone: {
        target: 'clarifying',
        actions: { type: 'useLocation', params: ({ event }) => event.output },
      },
      onError: { target: 'asking', actions: 'sayLocationUnavailable' },
    },
  }),
  searching: needFindingSetup.createStateConfig({
    tags: ['busy'],
    invoke: {
      id: 'search',
      src: 'findServices',
      input: ({ context }) => ({
        need: context.need ?? { categories: [] },
        answers: context.answers,
        language: context.language,
        urgent: context.answers.today === true || context.urgentWords,
      }),
      onDone: [
        {
          guard: { type: 'foundServices', params: ({ event }) => event.output },
          target: 'showingResults',
          actions: [
            { type: 'showResults', params: ({ event }) => event.output },
            { type: 'announceResults', params: ({ event }) => event.output },
          ],
        },
        { target: 'noResults', actions: 'showNoResults' },
      ],
      onError: { target: 'directoryUnavailable' },
    },
  }),
  showingResults: needFindingSetup.createStateConfig({
    on: {
      FEEDBACK: [
        {
          guard: 'helpful',
          target: 'afterResults',
          actions: ['recordChoice', 'announceFeedback', 'thankForFeedback'],
        },
        { target: 'afterResults', actions: ['recordChoice', 'announceFeedback', 'offerAfterNotHelpful'] },
      ],
    },
  }),
  afterResults: needFindingSetup.createStateConfig({
    on: {
      ANOTHER_NEED: { target: 'askingNeed', actions: ['recordChoice', 'askAnotherNeed'] },
      DESCRIBE_NEED: { target: 'describingNeed', actions: 'recordChoice' },
    },
  }),
  noResults: needFindingSetup.createStateConfig({
    on: {
      ANOTHER_NEED: { target: 'askingNeed', actions: ['recordChoice', 'askAnotherNeed'] },
    },
  }),
  directoryUnavailable: needFindingSetup.createStateConfig({
    entry: 'showDirectoryUnavailable',
    on: {
      RETRY: [
        { guard: 'hasHeldText', target: 'understanding', actions: 'recordChoice' },
        { guard: 'hasNeed', target: 'assessing', actions: 'recordChoice' },
        { target: 'askingNeed', actions: ['recordChoice', 'askNeed'] },
      ],
    },
  }),
};
