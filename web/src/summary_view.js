// The summary (summary_model.js) as DOM: one card a figure, with its
// change, its twelve months and a small trend; a figure opens the lines
// behind it (the drill-down) or, for the recurring figures, their view.
// All text goes in through textContent.
import { sparkline } from './sparkline.js';
import { el } from './statement_view.js';

/**
 * @typedef {object} SummaryActions
 * @property {(card: import('./summary_model.js').SummaryCard, drill: import('./summary_model.js').SummaryDrill) => void} [onDrill]
 *   lists the lines behind a figure
 * @property {(view: string) => void} onView shows the view a figure comes from
 * @property {Set<string>} drillable the engine's drill metrics
 */

/**
 * @param {import('./summary_model.js').Summary} summary
 * @param {SummaryActions} actions
 */
export function renderSummary(summary, actions) {
  const box = el('section', { class: 'answer-summary', 'aria-labelledby': 'answer-summary-title', 'data-currency': summary.currency,
    'data-period': summary.period.label });
  const title = el('h2', { id: 'answer-summary-title' }, `${summary.currency} at a glance: ${summary.period.label}`);
  const range = summary.ttm ? `${summary.period.start} to ${summary.period.end}, ${summary.note} · 12 months: ${summary.ttm.start} to ${summary.ttm.end}`
    : `${summary.period.start} to ${summary.period.end}, ${summary.note}`;
  title.append(el('span', { class: 'range' }, range));
  box.append(title);
  const list = el('ul', { class: 'summary-cards' });
  for (const card of summary.cards) list.append(renderCard(card, actions));
  box.append(list);
  return box;
}

/** One figure's card. */
function renderCard(card, actions) {
  const item = el('li', { class: 'summary-card', 'data-metric': card.key });
  const drill = card.drill && actions.onDrill && actions.drillable.has(card.drill.metric) ? card.drill : null;
  const open = el('button', { type: 'button', class: 'summary-open', 'data-help': card.key });
  open.append(el('span', { class: 'summary-label' }, card.label), el('span', { class: `summary-value${card.value.unknown ? ' unknown' : ''}` }, card.value.text));
  if (card.value.title) open.title = card.value.title;
  open.addEventListener('click', () => (drill ? actions.onDrill?.(card, drill) : actions.onView(card.view)));
  item.append(open);
  const line = sparkline(card.trend);
  if (line) item.append(line);
  if (card.change || card.previous) {
    // The engine's growth where it gives one, else the figure of the period before beside it.
    const change = el('p', { class: 'summary-change' });
    const before = el('span', { class: 'muted' }, card.change ? ' vs prior' : 'Prior: ');
    if (card.previous) before.title = card.previous.label;
    if (card.change) change.append(el('span', { class: `delta ${card.change.direction}` }, card.change.text), before);
    else if (card.previous && card.previous.value.text !== '') change.append(before, el('span', { class: 'summary-previous' }, card.previous.value.text));
    item.append(change);
  }
  if (card.twelve && card.twelve.value.text !== '') {
    const twelve = el('p', { class: 'summary-twelve', 'data-part': 'twelve' });
    const label = el('span', { class: 'muted' }, `${card.twelve.label}: `);
    if (card.twelve.date) label.title = `at ${card.twelve.date}`;
    twelve.append(label);
    const tdrill = card.twelve.drill && actions.onDrill && actions.drillable.has(card.twelve.drill.metric) ? card.twelve.drill : null;
    if (tdrill) {
      const button = el('button', { type: 'button', class: 'cell-drill summary-twelve-value' }, card.twelve.value.text);
      button.addEventListener('click', () => actions.onDrill?.(card, tdrill));
      twelve.append(button);
    } else {
      twelve.append(el('span', { class: 'summary-twelve-value' }, card.twelve.value.text));
    }
    if (card.twelve.change) twelve.append(' ', el('span', { class: `delta ${card.twelve.change.direction}` }, card.twelve.change.text));
    item.append(twelve);
  }
  return item;
}
