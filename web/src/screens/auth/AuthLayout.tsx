/** The frame of the log-in and sign-up screens: the brand, the language, one card. */
import type { ReactNode } from 'react';
import { LanguageSelect } from '../../app/LanguageSelect';

export function AuthLayout({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <main className="auth" id="main">
      <div className="auth__card">
        <div className="auth__top">
          <span className="brand"><img src="/favicon.svg" alt="" width={28} height={28} /> <span>Varde</span></span>
          <LanguageSelect />
        </div>
        <h1>{title}</h1>
        {intro ? <p className="muted">{intro}</p> : null}
        {children}
      </div>
    </main>
  );
}
