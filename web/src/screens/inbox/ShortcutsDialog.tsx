/** The inbox's keyboard shortcuts, opened with ? or the "Keyboard shortcuts" button. */
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';

const KEYS = [['j', 'next'], ['k', 'previous'], ['e', 'done'], ['r', 'reply'], ['a', 'assign'], ['?', 'help']] as const;

export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange(open: boolean): void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={t('inbox.shortcuts.title')} description={t('inbox.shortcuts.hint')}>
      <dl className="inbox-keys">
        {KEYS.map(([key, what]) => (
          <div key={key}><dt><kbd>{key}</kbd></dt><dd>{t(`inbox.shortcuts.${what}`)}</dd></div>
        ))}
      </dl>
    </Dialog>
  );
}
