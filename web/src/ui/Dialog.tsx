/** A modal dialog (Radix: focus trapped and returned, Escape closes, labelled by its title). */
import type { ReactNode } from 'react';
import { Dialog as D } from 'radix-ui';
import { X } from 'lucide-react';
import { useTranslation } from 'react-i18next';

export interface DialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: string;
  description?: string;
  children: ReactNode;
  wide?: boolean;
}

export function Dialog({ open, onOpenChange, title, description, children, wide }: DialogProps) {
  const { t } = useTranslation();
  return (
    <D.Root open={open} onOpenChange={onOpenChange}>
      <D.Portal>
        <D.Overlay className="dialog-overlay" />
        <D.Content className={`dialog${wide ? ' dialog--wide' : ''}`} aria-describedby={description ? undefined : undefined}>
          <div className="dialog__head">
            <D.Title className="dialog__title">{title}</D.Title>
            <D.Close className="icon-button" aria-label={t('common.close')}>
              <X aria-hidden="true" size={18} />
            </D.Close>
          </div>
          {description ? <D.Description className="muted">{description}</D.Description> : <D.Description className="visually-hidden">{title}</D.Description>}
          {children}
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}

/** Asks before something that cannot be undone. */
export function ConfirmDialog(props: { open: boolean; onOpenChange(open: boolean): void; title: string; body: string; confirmLabel: string; onConfirm(): void; busy?: boolean; danger?: boolean }) {
  const { t } = useTranslation();
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange} title={props.title}>
      <p>{props.body}</p>
      <div className="actions">
        <button type="button" className="button" onClick={() => props.onOpenChange(false)}>{t('common.cancel')}</button>
        <button type="button" className={`button ${props.danger ? 'button--danger' : 'button--primary'}`} disabled={props.busy} onClick={props.onConfirm}>{props.confirmLabel}</button>
      </div>
    </Dialog>
  );
}
