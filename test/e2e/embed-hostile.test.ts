/**
 * The widget on demo/hostile.html, a page whose global CSS unsets everything, hides every
 * button, forces a 40px font on every div, and puts fixed bars at the highest z-index: the
 * launcher stays whole in its corner and on top, the panel works, and when closed the widget
 * covers nothing of the page but its launcher. Hit testing (`elementFromPoint`, real mouse
 * clicks at coordinates) decides, as it does for a visitor.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { type E2eSession, startE2eSession } from '../support/browser-session.js';
import { cspViolations, recordCspViolations } from '../support/csp-violations.js';
import { answerUntilResults, STRINGS, widgetIn } from '../support/demo-widget.js';
import { waitInPage } from '../support/bounded-wait.js';

const VIEWPORT = { width: 1280, height: 720 };

/** Opens the hostile page, with extra `data-*` attributes on its script tag. */
async function openHostile(page: Page, baseUrl: string, attributes: Record<string, string> = {}): Promise<void> {
  const url = `${baseUrl}/hostile.html`;
  await page.route(url, async (route) => {
    const response = await route.fetch();
    const extra = Object.entries(attributes)
      .map(([name, value]) => ` data-${name}="${value}"`)
      .join('');
    const body = (await response.text()).replace('<script src="/dist/referral-assistant.js"', (tag) => tag + extra);
    await route.fulfill({ response, body });
  });
  await page.setViewportSize(VIEWPORT);
  await page.goto(url);
}

/** What is under a point of the page: `widget`, or a description of page content. */
function hitAt(page: Page, x: number, y: number): Promise<string> {
  return page.evaluate(
    ([px, py]) => {
      const hit = document.elementFromPoint(px, py);
      if (!hit) return 'nothing';
      // The widget, or the loader's launcher before the widget has replaced it.
      return hit.localName.startsWith('referral-assistant') ? 'widget' : `${hit.localName}.${hit.className}`;
    },
    [x, y] as const,
  );
}

/** Checks the launcher is whole, in its bottom corner, on top of everything, and returns its centre. */
async function assertLauncherInCorner(
  page: Page,
  launcher: Locator,
  corner: 'left' | 'right',
): Promise<[number, number]> {
  const box = await launcher.boundingBox();
  assert.ok(box, 'the launcher has no box');
  assert.ok(box.height >= 44 && box.height <= 80, `launcher height ${box.height}`);
  assert.ok(box.width >= 44 && box.width <= 320, `launcher width ${box.width}`);
  const fromSide = corner === 'right' ? VIEWPORT.width - (box.x + box.width) : box.x;
  const fromBottom = VIEWPORT.height - (box.y + box.height);
  assert.ok(fromSide >= 8 && fromSide <= 40, `launcher ${fromSide}px from the ${corner} edge`);
  assert.ok(fromBottom >= 8 && fromBottom <= 40, `launcher ${fromBottom}px from the bottom edge`);
  const centre: [number, number] = [box.x + box.width / 2, box.y + box.height / 2];
  assert.equal(await hitAt(page, ...centre), 'widget', 'something of the page covers the launcher');
  return centre;
}

describe('the widget on a hostile host page', () => {
  let session: E2eSession;
  before(async () => {
    session = await startE2eSession();
  });
  after(async () => {
    await session?.close();
  });

  it('shows the launcher whole, in its corner and above the page, before the widget has loaded', async () => {
    const { context, page } = await session.newPage();
    await recordCspViolations(page);
    // Keep the widget's module in flight: this is the loader's launcher alone.
    await page.route(/referral-assistant\.define\.js$/, () => undefined);
    await openHostile(page, session.url);
    const launcher = widgetIn(page, 'en').launcher;
    await launcher.waitFor();
    await assertLauncherInCorner(page, launcher, 'right');
    assert.deepEqual(await cspViolations(page), []);
    await context.close();
  });

  for (const corner of ['right', 'left'] as const) {
    it(`opens from a click on the launcher in the bottom ${corner} corner and finds food services`, async () => {
      const { context, page } = await session.newPage();
      await recordCspViolations(page);
      await openHostile(page, session.url, corner === 'left' ? { position: 'left' } : {});
      const widget = widgetIn(page, 'en');
      await waitInPage(page, 'the widget’s panel to render', () =>
        document.querySelector('referral-assistant')?.shadowRoot?.querySelector('.panel'),
      );
      const [x, y] = await assertLauncherInCorner(page, widget.launcher, corner);

      // A real click at the launcher's centre: whatever is on top there receives it.
      await page.mouse.click(x, y);
      await widget.dialog.waitFor();
      const panel = await widget.dialog.boundingBox();
      assert.ok(panel, 'the panel has no box');
      assert.ok(panel.x >= 0 && panel.x + panel.width <= VIEWPORT.width, 'the panel sticks out sideways');
      assert.ok(panel.y >= 0 && panel.y + panel.height <= VIEWPORT.height, 'the panel sticks out vertically');
      const fontSize = await widget.history.evaluate((history) => getComputedStyle(history).fontSize);
      assert.equal(fontSize, '16px', "the page's div font size leaked in");

      const food = widget.replies.getByRole('button', { name: STRINGS.en.ui.categories.food, exact: true });
      const foodBox = await food.boundingBox();
      assert.ok(foodBox, 'the Food button is not shown');
      await page.mouse.click(foodBox.x + foodBox.width / 2, foodBox.y + foodBox.height / 2);
      await waitInPage(page, 'the assistant’s answer in the history', () => {
        const root = document.querySelector('referral-assistant')?.shadowRoot;
        return root && !root.querySelector('.busy') && root.querySelectorAll('.history > .message').length > 1;
      });
      await answerUntilResults(page, widget, 3);
      await widget.cards.first().waitFor();
      assert.ok((await widget.cards.count()) >= 1);
      assert.equal(await hitAt(page, panel.x + panel.width / 2, panel.y + panel.height / 2), 'widget');
      assert.deepEqual(await cspViolations(page), []);
      await context.close();
    });
  }

  it('covers nothing of the page but its launcher when closed, before and after being used', async () => {
    const { context, page } = await session.newPage();
    await recordCspViolations(page);
    await openHostile(page, session.url);
    const widget = widgetIn(page, 'en');
    await waitInPage(page, 'the widget’s panel to render', () =>
      document.querySelector('referral-assistant')?.shadowRoot?.querySelector('.panel'),
    );

    const coveredPoints = async (): Promise<string[]> => {
      const box = await widget.launcher.boundingBox();
      assert.ok(box);
      const covered: string[] = [];
      for (let x = 4; x < VIEWPORT.width; x += 40) {
        for (let y = 4; y < VIEWPORT.height; y += 40) {
          const onLauncher = x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height;
          if (!onLauncher && (await hitAt(page, x, y)) === 'widget') covered.push(`${x},${y}`);
        }
      }
      return covered;
    };
    assert.deepEqual(await coveredPoints(), [], 'before first use');

    await widget.launcher.click();
    await widget.dialog.waitFor();
    await page.keyboard.press('Escape');
    await widget.dialog.waitFor({ state: 'hidden' });
    assert.deepEqual(await coveredPoints(), [], 'after opening and closing the panel');
    assert.equal(await hitAt(page, 640, 300), 'div.filler', 'page content is not reachable');
    assert.deepEqual(await cspViolations(page), []);
    await context.close();
  });
});
