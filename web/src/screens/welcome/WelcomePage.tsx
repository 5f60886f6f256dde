/** First run: three steps from an empty workspace to a first scheduled post, each ticked when done. */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CheckCircle2, Circle } from 'lucide-react';
import { useChannels } from '../../api/channels';
import { useWorkspaceId } from '../../app/workspace';

export default function WelcomePage() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const channels = useChannels(workspaceId);
  const list = channels.data ?? [];
  const steps = [
    { done: list.length > 0, title: t('welcome.connect'), body: t('welcome.connectBody'), to: 'channels', action: t('welcome.connectAction') },
    { done: list.some((c) => c.schedule.slots.length > 0), title: t('welcome.schedule'), body: t('welcome.scheduleBody'), to: 'channels', action: t('welcome.scheduleAction') },
    { done: false, title: t('welcome.write'), body: t('welcome.writeBody'), to: 'compose', action: t('welcome.writeAction') },
  ];
  return (
    <div className="page narrow">
      <h1>{t('welcome.title')}</h1>
      <p className="lead">{t('welcome.intro')}</p>
      <ol className="steps">
        {steps.map((s, i) => (
          <li key={i} className={`step${s.done ? ' step--done' : ''}`}>
            {s.done ? <CheckCircle2 aria-hidden="true" className="step__icon" /> : <Circle aria-hidden="true" className="step__icon" />}
            <div>
              <h2>{s.title} {s.done ? <span className="visually-hidden">({t('welcome.done')})</span> : null}</h2>
              <p>{s.body}</p>
              <Link className="button" to={`/w/${workspaceId}/${s.to}`}>{s.action}</Link>
            </div>
          </li>
        ))}
      </ol>
      <p><Link to={`/w/${workspaceId}/calendar`}>{t('welcome.skip')}</Link></p>
    </div>
  );
}
