import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessCrisis } from '../../src/conversation/crisis-detector.js';
import { bothLanguages } from '../support/crisis-phrase-lists.js';

const strongKind = (text: string) => assessCrisis(text, bothLanguages).crisis?.kind ?? null;
const possibleKind = (text: string) => assessCrisis(text, bothLanguages).concern?.kind ?? null;

describe('crisis detection in two tiers', () => {
  it('gives the crisis response at once for the misspelt "kil myself" and "quiero matrme"', () => {
    assert.equal(strongKind('thinking about kil myself'), 'suicide');
    assert.equal(strongKind('thinking about kiling myself again'), 'suicide');
    assert.equal(strongKind('quiero matrme'), 'suicide');
    assert.equal(strongKind('im sucidal'), 'suicide');
  });

  it('gives the crisis response for means plus intent without a crisis word, in both languages', () => {
    assert.equal(strongKind('i have pills and i want to take them all'), 'suicide');
    assert.equal(strongKind('tengo pastillas y me las voy a tomar todas'), 'suicide');
  });

  it('asks whether the visitor is safe when means and intent are further apart', () => {
    assert.equal(strongKind('i bought a rope today'), null);
    assert.equal(possibleKind('i bought a rope today'), 'suicide');
  });

  it("reads fear for one's life as danger", () => {
    assert.equal(strongKind('im afraid for my life'), 'danger');
    assert.equal(strongKind('tengo miedo por mi vida'), 'danger');
  });

  it('reads a parent reporting that someone is hurting their child as child abuse', () => {
    assert.equal(strongKind('alguien esta lastimando a mi hijo'), 'child-abuse');
    assert.equal(strongKind('someone is hurting my son'), 'child-abuse');
  });

  it('reads third-person reports of violence against a sister as domestic violence', () => {
    assert.equal(strongKind('my sisters husband beats her'), 'domestic-violence');
    assert.equal(strongKind('el novio de mi hermana le pega'), 'domestic-violence');
  });

  it('asks, rather than alarms, when a crisis word stands alone', () => {
    assert.equal(strongKind('i feel hopeless and alone'), null);
    assert.equal(possibleKind('i feel hopeless and alone'), 'suicide');
    assert.equal(possibleKind('me siento sin esperanza y sola'), 'suicide');
  });

  it('asks, rather than alarms, when the visitor says they are not suicidal ("I\'m not suicidal, I need food")', () => {
    const assessment = assessCrisis("I'm not suicidal, I need food", bothLanguages);
    assert.equal(assessment.crisis, null);
    assert.equal(assessment.concern?.kind, 'suicide');
    assert.equal(possibleKind('no soy suicida, necesito comida'), 'suicide');
  });

  it('keeps negation inside a crisis phrase strong ("no vale la pena vivir", "there is no point in living")', () => {
    assert.equal(strongKind('no vale la pena vivir'), 'suicide');
    assert.equal(strongKind('theres no point in living anymore'), 'suicide');
  });

  it('reads code-switched messages in either language', () => {
    assert.equal(strongKind('i just want to desaparecer forever, ya no puedo'), 'suicide');
    assert.equal(strongKind('mi boyfriend me pega'), 'domestic-violence');
    assert.equal(strongKind('necesito help, i want to kill myself'), 'suicide');
  });

  it('raises nothing for everyday idioms: "me muero de hambre", "this heat is killing me", "shoot me an email"', () => {
    for (const text of [
      'me muero de hambre',
      'this heat is killing me, are there cooling centres',
      'shoot me an email with the food bank list',
      'dead battery on my car',
      'como mato las cucarachas',
      'my mom died last year and i need help with her taxes',
      'how do i get a gun license',
    ]) {
      const { crisis, concern } = assessCrisis(text, bothLanguages);
      assert.deepEqual([crisis, concern], [null, null], text);
    }
  });

  it('never reads an everyday word as a crisis word one letter away ("bill", "pagar", "homeless")', () => {
    for (const text of [
      'i cant pay my bill',
      'no puedo pagar la renta',
      'im homeless with two kids',
      'la vivienda esta sucia',
    ]) {
      const { crisis, concern } = assessCrisis(text, bothLanguages);
      assert.deepEqual([crisis, concern], [null, null], text);
    }
  });

  it('never reports a possible kind beside a strong one', () => {
    const { crisis, concern } = assessCrisis('i want to kill myself, i feel hopeless', bothLanguages);
    assert.equal(crisis?.kind, 'suicide');
    assert.equal(concern, null);
  });
});
