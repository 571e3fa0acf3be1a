import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createActor, fromPromise, waitFor } from 'xstate';
import { conversationMachine } from '../../src/conversation/conversation.machine.js';
import type {
  AssessNeedInput,
  FindServicesInput,
  FoundServices,
  NeedAssessment,
} from '../../src/conversation/conversation-types.js';
import { handoffSummary } from '../../src/conversation/handoff-summary.js';
import { triageText } from '../../src/conversation/triage.js';

/** The conversation with the real triage, and a need reading that records what it was asked to read. */
function startConversation(language: 'en' | 'es' = 'en') {
  const assessed: AssessNeedInput[] = [];
  const machine = conversationMachine.provide({
    actors: {
      triageText: fromPromise(async ({ input }: { input: { text: string } }) => triageText(input.text)),
      assessNeed: fromPromise<NeedAssessment, AssessNeedInput>(async ({ input }) => {
        assessed.push(input);
        return {
          categories: ['food'],
          understood: true,
          hints: {},
          urgentWords: false,
          questions: [],
          areaOptions: [],
        };
      }),
      findServices: fromPromise<FoundServices, FindServicesInput>(async () => ({
        results: [],
        timeZone: 'America/Toronto',
        distanceUnit: 'km',
      })),
    },
  });
  return { actor: createActor(machine, { input: { language } }).start(), assessed };
}

const WAIT = { timeout: 5000 };
const lastKeys = (actor: ReturnType<typeof startConversation>['actor'], count: number) =>
  actor
    .getSnapshot()
    .context.messages.slice(-count)
    .map((message) => ('line' in message ? message.line.key : message.kind));

describe('the safety question for a possible sign of crisis', () => {
  it('asks "Are you safe right now?" with three replies, before anything else, for a possible sign', async () => {
    const { actor, assessed } = startConversation();
    actor.send({ type: 'SUBMIT_TEXT', text: "I'm not suicidal, I need food" });
    await waitFor(actor, (snapshot) => snapshot.matches('checkingSafety'), WAIT);
    const { context } = actor.getSnapshot();
    assert.deepEqual(lastKeys(actor, 1), ['lines:safetyCheck.question']);
    assert.deepEqual(
      context.replies.map((reply) => reply.line.key),
      ['lines:safetyCheck.safe', 'lines:safetyCheck.notSafe', 'lines:safetyCheck.talk'],
    );
    assert.deepEqual(context.safetyCheck, { kinds: ['suicide'], answer: null });
    assert.equal(assessed.length, 0, 'nothing was searched before the answer');
  });

  it('shows the crisis response and the urgent offer of a person when the visitor is not safe', async () => {
    const { actor } = startConversation('es');
    actor.send({ type: 'SUBMIT_TEXT', text: 'me siento sin esperanza y sola' });
    await waitFor(actor, (snapshot) => snapshot.matches('checkingSafety'), WAIT);
    actor.send({ type: 'SAFETY_ANSWER', safe: false });
    const snapshot = actor.getSnapshot();
    assert.equal(snapshot.matches('crisis'), true);
    assert.deepEqual(lastKeys(actor, 3), ['lines:safetyCheck.notSafe', 'crisis', 'safety:handoff.urgentOffer']);
    assert.equal(snapshot.context.replies[0]?.line.key, 'safety:handoff.accept');
    const summary = handoffSummary(snapshot.context);
    assert.equal(summary.crisis, true);
    assert.deepEqual(summary.crisisKinds, ['suicide']);
    assert.deepEqual(summary.safetyCheck, { kinds: ['suicide'], answer: 'not-safe' });
  });

  it('carries on with the need the message named when the visitor is safe', async () => {
    const { actor, assessed } = startConversation();
    actor.send({ type: 'SUBMIT_TEXT', text: "I'm not suicidal, I need food" });
    await waitFor(actor, (snapshot) => snapshot.matches('checkingSafety'), WAIT);
    actor.send({ type: 'SAFETY_ANSWER', safe: true });
    await waitFor(actor, () => assessed.length > 0, WAIT);
    assert.equal(assessed[0]?.need.text, "I'm not suicidal, I need food");
    assert.deepEqual(handoffSummary(actor.getSnapshot().context).safetyCheck, { kinds: ['suicide'], answer: 'safe' });
  });

  it('goes to a person, flagged as a possible crisis, when the visitor would rather talk to someone', async () => {
    const { actor } = startConversation();
    actor.send({ type: 'SUBMIT_TEXT', text: 'i feel hopeless' });
    await waitFor(actor, (snapshot) => snapshot.matches('checkingSafety'), WAIT);
    actor.send({ type: 'TALK_TO_PERSON' });
    const snapshot = actor.getSnapshot();
    assert.equal(snapshot.matches('withPerson'), true);
    const summary = handoffSummary(snapshot.context);
    assert.equal(summary.reason, 'crisis');
    assert.deepEqual(summary.safetyCheck, { kinds: ['suicide'], answer: 'person' });
  });

  it('gives a strong sign the crisis response at once, without the question', async () => {
    const { actor } = startConversation();
    actor.send({ type: 'SUBMIT_TEXT', text: 'i want to kill myself' });
    await waitFor(actor, (snapshot) => snapshot.matches('crisis'), WAIT);
    assert.equal(actor.getSnapshot().context.safetyCheck, null);
  });
});
