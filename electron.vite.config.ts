// Builds the three Electron parts into out/: main (Node, ESM), preload (CommonJS: a sandboxed
// preload cannot be an ES module) and renderer (React; plus web-bridge.js, the HTTP transport
// that `press-archive serve` injects in place of the preload).
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from './archive/transport/renderer-content.ts';

/** Writes the app's one Content-Security-Policy into index.html's meta tag. */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'press-archive-csp-meta',
    transformIndexHtml: (html) => {
      if (!html.includes('__CONTENT_SECURITY_POLICY__')) throw new Error('index.html lost its CSP placeholder');
      return html.replace('__CONTENT_SECURITY_POLICY__', META_CONTENT_SECURITY_POLICY);
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('main/index.ts'),
          // The PDF worker thread, with every chunk flat beside it in out/main, so that the code
          // starting it finds it as ./pdf-worker.js (archive/scans/pdf-worker-client.ts).
          'pdf-worker': resolve('archive/scans/pdf-worker.ts'),
        },
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react(), contentSecurityPolicyMeta()],
    worker: { format: 'es' },
    build: {
      outDir: 'out/renderer',
      rollupOptions: {
        input: {
          index: resolve('renderer/index.html'),
          'web-bridge': resolve('renderer/web-bridge.ts'),
        },
        output: {
          entryFileNames: (chunk) => (chunk.name === 'web-bridge' ? 'web-bridge.js' : 'assets/[name]-[hash].js'),
        },
      },
    },
  },
});
