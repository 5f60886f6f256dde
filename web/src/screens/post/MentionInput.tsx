/**
 * A comment box that suggests members after "@": an ARIA combobox whose listbox opens while a
 * mention is typed; arrow keys move, Enter or Tab picks, Escape closes, clicking works too.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mentionAtCaret, mentionText, suggestMembers, type Mentionable } from './mentions';

interface Props {
  label: string;
  hint: string;
  value: string;
  onChange(value: string): void;
  members: Mentionable[];
}

export function MentionInput({ label, hint, value, onChange, members }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const at = mentionAtCaret(value, caret);
  const options = at ? suggestMembers(members, at.query) : [];
  const open = at !== null && dismissed !== at.start;
  const current = Math.min(active, Math.max(options.length - 1, 0));
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-opt-${i}`;

  const pick = (m: Mentionable) => {
    if (!at) return;
    const insert = `${mentionText(m)} `;
    const next = value.slice(0, at.start) + insert + value.slice(caret);
    const pos = at.start + insert.length;
    onChange(next);
    setCaret(pos);
    setActive(0);
    requestAnimationFrame(() => { box.current?.setSelectionRange(pos, pos); box.current?.focus(); });
  };
  const track = (el: HTMLTextAreaElement) => setCaret(el.selectionStart ?? el.value.length);

  return (
    <div className="field mention">
      <label htmlFor={id} className="field__label">{label}</label>
      <textarea
        id={id} ref={box} rows={3} value={value} maxLength={5000}
        role="combobox" aria-multiline="true" aria-autocomplete="list" aria-haspopup="listbox"
        aria-expanded={open} aria-controls={listId} aria-describedby={`${id}-hint`}
        aria-activedescendant={open && options.length ? optionId(current) : undefined}
        onChange={(e) => { onChange(e.target.value); track(e.target); setActive(0); setDismissed(null); }}
        onSelect={(e) => track(e.currentTarget)}
        onKeyDown={(e) => {
          if (!open) return;
          if (e.key === 'ArrowDown' && options.length) { e.preventDefault(); setActive((current + 1) % options.length); }
          else if (e.key === 'ArrowUp' && options.length) { e.preventDefault(); setActive((current - 1 + options.length) % options.length); }
          else if ((e.key === 'Enter' || e.key === 'Tab') && options.length) { e.preventDefault(); pick(options[current]); }
          else if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); setDismissed(at!.start); }
        }}
        onBlur={() => setDismissed(at?.start ?? null)}
        onFocus={(e) => { track(e.currentTarget); setDismissed(null); }}
      />
      <p id={`${id}-hint`} className="field__hint">{hint}</p>
      <ul id={listId} role="listbox" aria-label={t('postComments.suggestions')} className="mention__list" hidden={!open}>
        {open && options.length === 0 ? <li className="mention__empty muted" role="presentation">{t('postComments.noMatch')}</li> : null}
        {open ? options.map((m, i) => (
          <li key={m.userId} id={optionId(i)} role="option" aria-selected={i === current} className="mention__option"
            onMouseDown={(e) => { e.preventDefault(); pick(m); }}>
            <strong>{m.name}</strong> <span className="muted">{m.email}</span>
          </li>
        )) : null}
      </ul>
    </div>
  );
}
