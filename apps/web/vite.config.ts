import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Vite requires a default export from its config file.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd (with the rc-components it pulls in) is one ~1 MB cacheable chunk, loaded once for every screen.
    chunkSizeWarningLimit: 1100,
    rolldownOptions: {
      output: {
        // Each page is its own chunk (React.lazy in app/nav.tsx); libraries change rarely, so they sit in
        // a few stable, long-cached chunks instead of being re-split by whichever pages happen to use them.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 4 },
            { name: 'antd', test: /node_modules[\\/]antd[\\/]/, priority: 3 },
            // Charts are drawn on the dashboard only: their own chunk, loaded with it and not with the shell.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 2 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
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
