/** Starts the app: translations first, then data caching, toasts and the router. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { initI18n } from './i18n';
import { router } from './app/router';
import { ToastProvider } from './ui/Toasts';
import { queryClient } from './app/query';
import './styles/app.css';

await initI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>
  </StrictMode>,
);
