import { expect } from '@open-wc/testing';
import { conversationPaths, leafPath, liveChatPaths, restingStates } from '../support/conversation-path-model.js';

describe('conversation paths (xstate/graph)', () => {
  it('reaches every state of the machine, with and without a navigator service', () => {
    const reached = new Set([...conversationPaths, ...liveChatPaths].map((path) => leafPath(path.state.value)));
    expect([...reached].sort()).to.deep.equal([...restingStates].sort());
  });

  it('has no dead end: every resting state offers a way forward, and a person is always one tap away', () => {
    for (const path of [...conversationPaths, ...liveChatPaths]) {
      const snapshot = path.state;
      const where = `${leafPath(snapshot.value)} after ${path.steps.map((s) => s.event.type).join(' → ')}`;
      const withPersonAlready = snapshot.matches({ withPerson: 'live' });
      expect(snapshot.can({ type: 'TALK_TO_PERSON' }) || withPersonAlready, where).to.equal(true);
      expect(snapshot.can({ type: 'START_OVER' }), where).to.equal(true);
      if (!snapshot.hasTag('busy')) {
        expect(snapshot.context.replies.length, where).to.be.greaterThan(0);
      }
    }
  });
});
