// Builds the CLI (and with it the archive core) for Node into out/cli; dependencies stay external.
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    ssr: 'cli/run.ts',
    outDir: 'out/cli',
    target: 'node20',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: { output: { entryFileNames: 'press-archive.js', format: 'es' } },
  },
});
