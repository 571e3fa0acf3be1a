import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanText } from '../../src/directory/hsds/clean-text.js';
import { repairMojibake } from '../../src/directory/hsds/repair-mojibake.js';

const kinds = (raw: string) => cleanText(raw).changes.map((change) => change.kind);

describe('cleaning directory text', () => {
  it('removes 211 Miami county markers and the blank lines around them', () => {
    const raw = 'Girls build courage, confidence, and character.\\n\\n\\n###MON###\\n###COL###';
    const cleaned = cleanText(raw);
    assert.equal(cleaned.text, 'Girls build courage, confidence, and character.');
    assert.deepEqual(cleaned.changes.find((change) => change.kind === 'marker-removed')?.detail, '###MON### ###COL###');
  });

  it('removes clipped markers such as "###MON##" and "MON###"', () => {
    assert.equal(cleanText('Restore.\\n\\n###MON##').text, 'Restore.');
    assert.equal(cleanText('in Monroe County.\\n\\nMON###').text, 'in Monroe County.');
  });

  it('turns the literal \\n of the Miami export into line breaks', () => {
    assert.equal(cleanText('Clinic:\\n9:00am-11:30am\\r\\nSat').text, 'Clinic:\n9:00am-11:30am\nSat');
    assert.ok(kinds('a\\nb').includes('escaped-newline'));
  });

  it('strips HTML, keeping the words and the line breaks, and reports it', () => {
    const cleaned = cleanText(
      '<p>Lawyers help tenants facing <b>eviction</b>.</p><ul><li>Call first</li><li>Bring ID</li></ul>',
    );
    assert.equal(cleaned.text, 'Lawyers help tenants facing eviction.\n\n• Call first\n• Bring ID');
    assert.deepEqual(kinds('<b>x</b>'), ['html-stripped']);
  });

  it('drops scripts and styles with their content, never their code as text', () => {
    const text = cleanText('Open daily.<script>alert(document.cookie)</script><style>p{}</style> Call 211.').text;
    assert.equal(text, 'Open daily. Call 211.');
    assert.equal(cleanText('Safe text <script>fetch("//evil")').text, 'Safe text');
  });

  it('decodes entities whether or not there are tags', () => {
    assert.equal(cleanText('Food &amp; clothing &#8212; free').text, 'Food & clothing — free');
    assert.equal(cleanText('AT&T phones').text, 'AT&T phones');
  });

  it('trims and reports leading and trailing spaces (Miami state_province is "FL ")', () => {
    const cleaned = cleanText('FL ', { singleLine: true });
    assert.equal(cleaned.text, 'FL');
    assert.deepEqual(
      cleaned.changes.map((change) => change.kind),
      ['whitespace-trimmed'],
    );
  });

  it('joins a name written over several lines into one line', () => {
    assert.equal(cleanText('Riverside\n  Food   Bank', { singleLine: true }).text, 'Riverside Food Bank');
  });

  it('removes control characters', () => {
    assert.equal(cleanText('Bell\u0007 and\u0000 null').text, 'Bell and null');
    assert.ok(kinds('a\u0007').includes('control-characters-removed'));
  });

  it('leaves clean text alone and reports nothing', () => {
    assert.deepEqual(cleanText('Free groceries every Tuesday.'), {
      text: 'Free groceries every Tuesday.',
      changes: [],
    });
  });
});

describe('repairing mojibake', () => {
  it('repairs the 211 Miami punctuation forms (GÇÖ, GÇ£, GÇ¥, GÇô, GÇö)', () => {
    assert.equal(repairMojibake('the State AttorneyGÇÖs Office').text, 'the State Attorney’s Office');
    assert.equal(repairMojibake('trained GÇ£MentorsGÇ¥ and').text, 'trained “Mentors” and');
    assert.equal(repairMojibake('4:00pmGÇô5:00pm').text, '4:00pm–5:00pm');
    assert.equal(repairMojibake('a GÇö b').text, 'a — b');
  });

  it('turns the non-breaking hyphen and zero-width space into plain forms', () => {
    assert.equal(repairMojibake('12GÇæ17 years old, MiamiGÇæDade').text, '12-17 years old, Miami-Dade');
    assert.equal(repairMojibake('aGÇïb').text, 'ab');
  });

  it('repairs accented letters of Spanish text as the Miami export garbles them', () => {
    assert.equal(repairMojibake('Oncolog+¡a, f+¡sicos, C+íncer').text, 'Oncología, físicos, Cáncer');
    assert.equal(repairMojibake('The Caf+¬ at Lotus, M+¬rida').text, 'The Café at Lotus, Mérida');
    assert.equal(repairMojibake('Fa+ºade').text, 'Façade');
  });

  it('picks ñ, ó or ú for the ambiguous "+¦" from the shape of the word', () => {
    assert.equal(repairMojibake('los ni+¦os, Mu+¦oz').text, 'los niños, Muñoz');
    assert.equal(repairMojibake('radiaci+¦n').text, 'radiación');
    assert.equal(repairMojibake('son +¦tiles').text, 'son útiles');
  });

  it('repairs symbols written with "-" (®, ©, no-break space, smart quotes)', () => {
    assert.equal(repairMojibake('LZConnected-«. 501-¬3').text, 'LZConnected®. 501©3');
    assert.equal(repairMojibake('Lou Gehrig-Æs disease').text, 'Lou Gehrig’s disease');
  });

  it('repairs the common Windows-1252 forms too', () => {
    assert.equal(repairMojibake('Itâ€™s a cafÃ© for niÃ±os').text, 'It’s a café for niños');
  });

  it('counts repairs and leaves correct text, including real accents and hyphens, untouched', () => {
    assert.equal(repairMojibake('GÇÖGÇÖ').repairs, 2);
    const correct = 'Niños, café, socio-económico, +1 555, C++';
    assert.deepEqual(repairMojibake(correct), { text: correct, repairs: 0 });
  });
});
