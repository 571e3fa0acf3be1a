/**
 * The launcher: fixed in its corner, above the page, at least 44 px in each direction.
 */
import { css } from 'lit';

export const launcherStyles = css`
  /* The launcher: fixed in its corner, above the page, at least 44 px in each direction. */
  .launcher {
    position: fixed;
    z-index: 2147483646;
    bottom: calc(16px + env(safe-area-inset-bottom, 0px));
    display: inline-flex;
    align-items: center;
    gap: 8px;
    min-width: 44px;
    min-height: 48px;
    padding: 10px 18px;
    border: 2px solid transparent;
    border-radius: 999px;
    background: var(--ra-accent);
    color: var(--ra-on-accent);
    font-weight: 600;
    cursor: pointer;
    box-shadow: 0 4px 16px rgb(0 0 0 / 25%);
  }
  .at-right .launcher {
    right: calc(16px + env(safe-area-inset-right, 0px));
  }
  .at-left .launcher {
    left: calc(16px + env(safe-area-inset-left, 0px));
  }
  /* Moved out of the way of focused host content (WCAG 2.4.11). */
  .at-right.shift-other-side .launcher {
    right: auto;
    left: calc(16px + env(safe-area-inset-left, 0px));
  }
  .at-left.shift-other-side .launcher {
    left: auto;
    right: calc(16px + env(safe-area-inset-right, 0px));
  }
  .shift-top .launcher {
    bottom: auto;
    top: calc(16px + env(safe-area-inset-top, 0px));
  }
  .launcher-icon {
    width: 24px;
    height: 24px;
    fill: currentColor;
  }

  @media (forced-colors: active) {
    .launcher {
      border: 2px solid CanvasText;
    }
    .launcher-icon {
      fill: ButtonText;
    }
  }
`;
