/**
 * Byte budgets of the built widget (after `npm run build`), computed exactly as `npm run size`
 * prints them (test/support/bundle-size.ts): gzip -9, 1 KB = 1,024 bytes, directory data not
 * counted. Sizes are deterministic, so unlike speed they are asserted. The computed paths are
 * checked against what Chromium really fetches on the demo page, so a new lazy chunk cannot
 * slip past the budget.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import {
  BUDGET_LANGUAGES,
  type BudgetLanguage,
  BUDGETS,
  bundleReport,
  formatKb,
  moduleMatches,
  readManifest,
  typedOnlyModules,
  type VisitorPath,
} from '../support/bundle-size.js';
import { type E2eSession, startE2eSession } from '../support/browser-session.js';
import {
  answerUntilResults,
  openDemo,
  openPanel,
  reply,
  STRINGS,
  say,
  type Widget,
  widgetIn,
} from '../support/demo-widget.js';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
if (!existsSync(`${dist}bundle-manifest.json`)) {
  throw new Error('dist/bundle-manifest.json is missing: run `npm run build` first (npm test does).');
}
const report = bundleReport(dist);
const manifest = readManifest(dist);

function path(step: VisitorPath['step'], language: string): VisitorPath {
  const found = report.paths.find((p) => p.step === step && p.language === language);
  assert.ok(found, `no ${step} path in ${language}`);
  return found;
}

/** Every source module in a path's chunks. */
function modulesOf(visitorPath: VisitorPath): string[] {
  return manifest.filter((chunk) => visitorPath.files.includes(chunk.fileName)).flatMap((chunk) => chunk.modules);
}

describe('what a visitor downloads', () => {
  it(`shows the launcher with a loader of at most ${formatKb(BUDGETS.loader)} gzip`, () => {
    assert.ok(
      report.loader.gzip <= BUDGETS.loader,
      `the loader is ${report.loader.gzip} B gzip, over ${BUDGETS.loader} B: run npm run size`,
    );
  });

  for (const language of BUDGET_LANGUAGES) {
    it(`opens the panel and shows the first results for a chosen category in at most ${formatKb(BUDGETS.category)} gzip (${language})`, () => {
      const category = path('category', language);
      assert.ok(
        category.gzip <= BUDGETS.category,
        `${category.gzip} B gzip (${formatKb(category.gzip)}) over ${BUDGETS.category} B in ${category.files.length} files: ${category.files.join(', ')}`,
      );
    });

    it(`loads the need vocabulary and fuse.js only for typed words, and only its own language's strings (${language})`, () => {
      const modules = modulesOf(path('category', language));
      for (const ref of typedOnlyModules(language)) {
        assert.ok(!modules.some((module) => moduleMatches(module, ref)), `${ref} is on the way to category results`);
      }
      // Crisis phrase lists are the exception, on purpose: a visitor may write in either language.
      const other = new RegExp(`^locales/${language === 'en' ? 'es' : 'en'}/(ui|safety|search|needs)\\.json$`);
      const typed = modulesOf(path('typed', language));
      assert.deepEqual(
        typed.filter((module) => other.test(module)),
        [],
      );
    });

    it(`reports what the first results for typed words cost (${language})`, (t) => {
      const typed = path('typed', language);
      t.diagnostic(`${language}: first results for typed words ${formatKb(typed.gzip)} gzip (${typed.gzip} B)`);
      assert.ok(typed.gzip > path('category', language).gzip);
    });

    // Issue 15's target. Reported as a to-do (it runs and prints its figure, but does not fail the
    // suite) until fuse.js loads only when a word needs correcting and the panel's chunk shrinks:
    // at the time of writing the typed path is about 105 KB (en) and 107 KB (es). Remove `todo`
    // once `npm run size` shows it within budget.
    it(`shows the first results for typed words, crisis check included, in at most ${formatKb(BUDGETS.typed)} gzip (${language})`, {
      todo: 'over budget until the typed path is cut down (issue 15)',
    }, () => {
      const typed = path('typed', language);
      assert.ok(
        typed.gzip <= BUDGETS.typed,
        `${typed.gzip} B gzip (${formatKb(typed.gzip)}) over ${BUDGETS.typed} B in ${typed.files.length} files: ${typed.files.join(', ')}`,
      );
    });

    it(`loads crisis detection with the first typed message, never later (${language})`, () => {
      // The check is never skipped or delayed to save bytes: it is on the typed path, every time.
      const modules = modulesOf(path('typed', language));
      assert.ok(modules.includes('src/conversation/triage.ts'), 'crisis detection is on the typed path');
      assert.ok(modules.includes(`locales/en/crisis.json`) && modules.includes(`locales/es/crisis.json`));
    });
  }

  describe('checked against what the browser fetches on the demo page', () => {
    let session: E2eSession;
    before(async () => {
      session = await startE2eSession();
    });
    after(async () => {
      await session?.close();
    });

    /** A need typed in each language (in its own language, or the widget would switch to that one). */
    const TYPED_NEED: Record<BudgetLanguage, string> = {
      en: 'I need food for my kids',
      es: 'necesito comida para mis hijos',
      fr: "j'ai besoin de nourriture pour mes enfants",
    };

    /** The widget's chunks a visitor's browser fetches for one flow (not the loader, not the directory data). */
    async function fetchedChunks(
      language: BudgetLanguage,
      flow: (widget: Widget, page: Page) => Promise<void>,
    ): Promise<string[]> {
      const { context, page } = await session.newPage();
      const fetched = new Set<string>();
      page.on('request', (request) => {
        const { pathname } = new URL(request.url());
        if (pathname.startsWith('/dist/') && pathname.endsWith('.js') && pathname !== '/dist/referral-assistant.js') {
          fetched.add(pathname.slice('/dist/'.length));
        }
      });
      await openDemo(page, session.url, { lang: language });
      const widget = widgetIn(page, language);
      await openPanel(widget);
      await flow(widget, page);
      await widget.cards.first().waitFor();
      await context.close();
      return [...fetched].sort();
    }

    for (const language of BUDGET_LANGUAGES) {
      it(`fetches no more than the computed path for a chosen category (${language})`, async () => {
        const fetched = await fetchedChunks(language, async (widget, page) => {
          await reply(page, widget, STRINGS[language].ui.categories.food);
          await answerUntilResults(page, widget, 3);
        });
        const computed = path('category', language).files;
        assert.deepEqual(
          fetched.filter((file) => !computed.includes(file)),
          [],
          'fetched but not counted: add their modules to STEPS in test/support/bundle-size.ts',
        );
      });

      it(`fetches no more than the computed path for typed words (${language})`, async () => {
        const words = TYPED_NEED[language];
        const fetched = await fetchedChunks(language, async (widget, page) => {
          await say(page, widget, words);
          await answerUntilResults(page, widget, 3);
        });
        const computed = path('typed', language).files;
        assert.deepEqual(
          fetched.filter((file) => !computed.includes(file)),
          [],
          'fetched but not counted: add their modules to STEPS in test/support/bundle-size.ts',
        );
      });
    }
  });
});
