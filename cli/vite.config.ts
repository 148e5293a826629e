// Builds the CLI (and with it the archive core) for Node into out/cli.
// The PDF worker thread is an entry of its own, and every chunk lies flat in out/cli beside it, so
// that the code starting it finds it as ./pdf-worker.js (archive/scans/pdf-worker-client.ts).
import { defineConfig } from 'vite';

export default defineConfig({
  // The pure-JavaScript dependencies every command loads are bundled in: Node then compiles a few
  // files instead of over a hundred (zod alone is 95, its locales among them), and a start of the
  // CLI costs about a third less CPU. The others stay external: they load files of their own
  // (workers, WebAssembly, fonts, a native module), and only the command that needs them loads them.
  ssr: {
    noExternal: ['zod', 'flexsearch', 'lowdb', 'steno', 'proper-lockfile', 'graceful-fs', 'retry', 'signal-exit'],
  },
  build: {
    ssr: true,
    outDir: 'out/cli',
    target: 'node20',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      input: {
        'press-archive': 'cli/run.ts',
        'pdf-worker': 'archive/scans/pdf-worker.ts',
      },
      output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', format: 'es' },
    },
  },
});
