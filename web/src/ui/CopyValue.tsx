/** A secret or token shown once, selectable, with a copy button that says when it copied. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Copy } from 'lucide-react';

export function CopyValue({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-value">
      <label className="visually-hidden" htmlFor="copy-value">{label}</label>
      <input id="copy-value" readOnly value={value} onFocus={(e) => e.target.select()} spellCheck={false} data-testid="copy-value" />
      <button type="button" className="button" onClick={() => void navigator.clipboard?.writeText(value).then(() => setCopied(true))}>
        <Copy aria-hidden="true" size={16} /> {copied ? t('common.copied') : t('common.copy')}
      </button>
      <span className="visually-hidden" role="status">{copied ? t('common.copied') : ''}</span>
    </div>
  );
}
