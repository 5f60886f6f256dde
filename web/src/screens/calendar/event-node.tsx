/**
 * A week-grid entry built as plain DOM nodes (FullCalendar's `domNodes`), not React: this skips a
 * React portal for each entry. The status icons are drawn once by React into a hidden sprite,
 * which the entries of both grids reference with `<use>`.
 */
import type { Campaign } from '../../api/campaigns';
import type { CalendarPost, Channel } from '../../api/types';
import { networkLook } from '../../lib/networks';
import { statusLook } from '../../lib/status';

const SVG = 'http://www.w3.org/2000/svg';
const STATUSES = ['draft', 'awaiting_approval', 'scheduled', 'queued', 'publishing', 'published', 'partially_failed', 'failed', 'needs_attention', 'cancelled', 'deleted'];
const iconId = (status: string) => `ev-icon-${status}`;
/** Where an entry's `<use>` points for a status's icon. */
export const statusIconHref = (status: string) => `#${iconId(status)}`;

/** The icons once, hidden; entries point at them. */
export function StatusIconSprite() {
  return (
    <div hidden aria-hidden="true">
      {STATUSES.map((s) => {
        const Icon = statusLook(s).icon;
        return <Icon key={s} id={iconId(s)} size={12} strokeWidth={2.5} />;
      })}
    </div>
  );
}

function el(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function eventNode(post: CalendarPost, channels: Map<string, Channel>, time: string, noText: string, campaign?: Campaign): HTMLElement {
  const root = el('span', 'ev');
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'ev__icon');
  svg.setAttribute('width', '12');
  svg.setAttribute('height', '12');
  svg.setAttribute('aria-hidden', 'true');
  const use = document.createElementNS(SVG, 'use');
  use.setAttribute('href', `#${iconId(post.status)}`);
  svg.append(use);
  root.append(svg, el('span', 'ev__time', time));
  const networks = new Set<string>();
  for (const d of post.deliveries) {
    const network = channels.get(d.channelId)?.network;
    if (!network || networks.has(network) || networks.size === 3) continue;
    networks.add(network);
    const look = networkLook(network);
    const badge = el('span', 'ev__net', look.monogram);
    badge.style.background = look.color;
    badge.style.color = look.ink;
    badge.setAttribute('aria-hidden', 'true');
    root.append(badge);
  }
  if (campaign?.colour) {
    const dot = el('span', 'cal-entry__campaign');
    dot.style.background = campaign.colour;
    dot.title = campaign.name;
    dot.setAttribute('aria-hidden', 'true');
    root.append(dot);
  }
  root.append(el('span', 'ev__text', post.text || noText));
  return root;
}
