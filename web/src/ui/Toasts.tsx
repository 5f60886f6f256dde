/**
 * Short confirmations ("Moved to …"): announced by a polite live region (errors assertively),
 * shown for six seconds or until closed. Small on purpose: it is part of every screen's first load.
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Item {
  id: number;
  text: string;
  tone: 'info' | 'error';
}

const ToastContext = createContext<(text: string, tone?: Item['tone']) => void>(() => {});
const SHOWN_MS = 6000;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<Item[]>([]);
  const push = useCallback((text: string, tone: Item['tone'] = 'info') => {
    setItems((prev) => [...prev.slice(-2), { id: Date.now() + Math.random(), text, tone }]);
  }, []);
  const remove = useCallback((id: number) => setItems((prev) => prev.filter((x) => x.id !== id)), []);
  return (
    <ToastContext.Provider value={push}>
      {children}
      <div className="toast-viewport" role="status" aria-live="polite">
        {items.filter((i) => i.tone === 'info').map((item) => <Toast key={item.id} item={item} onClose={remove} />)}
      </div>
      <div className="toast-viewport toast-viewport--errors" role="alert" aria-live="assertive">
        {items.filter((i) => i.tone === 'error').map((item) => <Toast key={item.id} item={item} onClose={remove} />)}
      </div>
    </ToastContext.Provider>
  );
}

function Toast({ item, onClose }: { item: Item; onClose(id: number): void }) {
  const { t } = useTranslation();
  useEffect(() => {
    const timer = window.setTimeout(() => onClose(item.id), SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, [item.id, onClose]);
  return (
    <div className={`toast toast--${item.tone}`}>
      <span>{item.text}</span>
      <button type="button" className="toast__close" aria-label={t('common.close')} onClick={() => onClose(item.id)}>×</button>
    </div>
  );
}

export const useToast = () => useContext(ToastContext);
