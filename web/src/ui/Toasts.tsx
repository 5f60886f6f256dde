/** Short confirmations ("Rescheduled to …") announced politely and dismissed after a while (Radix Toast). */
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { Toast } from 'radix-ui';
import { useTranslation } from 'react-i18next';

interface Item {
  id: number;
  text: string;
  tone: 'info' | 'error';
}

const ToastContext = createContext<(text: string, tone?: Item['tone']) => void>(() => {});

export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Item[]>([]);
  const push = useCallback((text: string, tone: Item['tone'] = 'info') => {
    setItems((prev) => [...prev.slice(-2), { id: Date.now() + Math.random(), text, tone }]);
  }, []);
  return (
    <ToastContext.Provider value={push}>
      <Toast.Provider swipeDirection="right" duration={6000} label={t('common.notifications')}>
        {children}
        {items.map((item) => (
          <Toast.Root key={item.id} className={`toast toast--${item.tone}`} type={item.tone === 'error' ? 'foreground' : 'background'}
            onOpenChange={(open) => { if (!open) setItems((prev) => prev.filter((x) => x.id !== item.id)); }}>
            <Toast.Description>{item.text}</Toast.Description>
            <Toast.Close className="toast__close" aria-label={t('common.close')}>×</Toast.Close>
          </Toast.Root>
        ))}
        <Toast.Viewport className="toast-viewport" />
      </Toast.Provider>
    </ToastContext.Provider>
  );
}

export const useToast = () => useContext(ToastContext);
