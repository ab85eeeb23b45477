import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { initialJsBudget } from './build/initial-js.ts';

/** What the shell (index.html, its entry and static imports) may weigh, gzip: issue 10 §7. */
const SHELL_INITIAL_JS_LIMIT = 400 * 1024;

// Vite requires a default export from its config file.
export default defineConfig({
  plugins: [react(), initialJsBudget(SHELL_INITIAL_JS_LIMIT)],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Raw (minified) size. Two chunks are above Vite's 500 kB default: the dashboard's charts (echarts, lazy)
    // and the shell's dictionaries (vi + en); what the browser pays before the first screen is the gzip budget
    // above, printed and enforced by initialJsBudget.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      // The contracts are pure declarations: a screen that uses none of a contract file's exports does not load it.
      treeshake: {
        moduleSideEffects: (id: string) => (/[\\/]packages[\\/]contracts[\\/]/.test(id) ? false : undefined),
      },
      output: {
        // Each page is its own chunk (React.lazy in app/nav.tsx). antd is split per component by the bundler, so the
        // shell loads only the components it renders (Layout, Menu, Dropdown, …), not the whole library.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 4 },
            // Charts are drawn on the dashboard only: their own chunk, loaded with it and not with the shell.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 2 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000' },
    },
  },
});
