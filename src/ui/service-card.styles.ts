/**
 * Service cards in a result list.
 */
import { css } from 'lit';

export const serviceCardStyles = css`
  .results {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 12px;
  }
  .card {
    padding: 12px 14px;
    border: 1px solid var(--ra-border);
    border-radius: var(--ra-radius);
    background: var(--ra-surface);
    overflow-wrap: anywhere;
  }
  .card-name {
    margin: 0 0 4px;
    font-size: 1.0625rem;
  }
  .card-org,
  .card-note {
    margin: 0 0 4px;
    color: var(--ra-text-muted);
    font-size: 0.9375rem;
  }
  .card-status {
    margin: 0 0 6px;
    font-weight: 600;
  }
  .card-why {
    margin: 6px 0 0;
    font-size: 0.9375rem;
    color: var(--ra-text-muted);
  }
  .card-description {
    margin: 0 0 8px;
  }
  .badges {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin: 0 0 8px;
    padding: 0;
  }
  .badge {
    padding: 2px 8px;
    border: 1px solid var(--ra-border);
    border-radius: 999px;
    font-size: 0.875rem;
  }
  .card-facts {
    margin: 0;
  }
  .card-facts dt {
    font-weight: 700;
    margin-top: 6px;
  }
  .card-facts dd {
    margin: 0;
  }

  @media (forced-colors: active) {
    .card {
      border: 2px solid CanvasText;
    }
  }
`;
