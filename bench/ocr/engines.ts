// The two OCR engines the benchmark compares, behind one small interface:
//  - tesseract.js 7 (WebAssembly in a Node worker_thread), one worker reused for every page, with
//    the product's settings: page segmentation mode 3 (fully automatic), LSTM only;
//  - Debian's `tesseract` CLI (5.3, native), one process per page as a user would run it.
// Either can be given a traineddata file, so engine and model can be compared separately.
//  - the app itself (archiveOcr): archive/ocr/recognize.ts as an import calls it, which levels a turned
//    page before tesseract.js reads it.
import { execFile } from 'node:child_process';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { createWorker, OEM, PSM } from 'tesseract.js';
import { createOcrEngine } from '../../archive/ocr/recognize.ts';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

export interface Engine {
  name: string;
  recognize(image: string | Buffer): Promise<string>;
  /** Starts what the engine starts lazily (a worker, the image codec), so that no page's time holds it. */
  warmUp?(image: string | Buffer): Promise<void>;
  close(): Promise<void>;
}

/** A traineddata file (plain or gzipped) for one language code. */
export interface Model {
  code: 'hin' | 'eng';
  file: string;
}

/**
 * The models the app ships: @tesseract.js-data/<lang>/4.0.0_best_int, the LSTM models tesseract.js
 * itself loads for the LSTM engine (archive/ocr/recognize.ts uses the same folder).
 */
export function npmModel(code: 'hin' | 'eng'): Model {
  const pkg = dirname(require.resolve(`@tesseract.js-data/${code}/package.json`));
  return { code, file: join(pkg, '4.0.0_best_int', `${code}.traineddata.gz`) };
}

/** Debian's tesseract-ocr-hin / -eng: the tessdata_fast models. */
export function debianModel(code: 'hin' | 'eng'): Model {
  return { code, file: `/usr/share/tesseract-ocr/5/tessdata/${code}.traineddata` };
}

/**
 * A tessdata folder holding exactly the given models, uncompressed, under `workDir`: the CLI reads
 * models only from such a folder, and tesseract.js is given the same one as its langPath, so both
 * engines read the same bytes.
 */
export async function tessdataFolder(models: Model[], workDir: string): Promise<string> {
  const name = models.map((m) => `${m.code}-${m.file.replace(/[^a-z0-9]+/gi, '-')}`).join('+');
  const folder = join(workDir, `tessdata-${name}`);
  await mkdir(folder, { recursive: true });
  for (const model of models) {
    const target = join(folder, `${model.code}.traineddata`);
    if (model.file.endsWith('.gz')) await writeFile(target, gunzipSync(await readFile(model.file)));
    else await symlink(model.file, target).catch(() => undefined); // already linked by an earlier engine
  }
  return folder;
}

export async function tesseractJs(
  name: string,
  models: Model[],
  workDir: string,
  parameters: Record<string, string> = {},
): Promise<Engine> {
  const langPath = await tessdataFolder(models, workDir);
  // cacheMethod 'none': the worker must not write traineddata copies into the working folder.
  const worker = await createWorker(
    models.map((m) => m.code),
    OEM.LSTM_ONLY,
    { langPath, gzip: false, cacheMethod: 'none' },
  );
  await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO, ...parameters });
  return {
    name,
    async recognize(image) {
      const { data } = await worker.recognize(image);
      return data.text;
    },
    close: async () => void (await worker.terminate()),
  };
}

/** `threads`: OMP_THREAD_LIMIT for the CLI's OpenMP (unset = as many as it likes, its default). */
export async function tesseractCli(name: string, models: Model[], workDir: string, threads?: number): Promise<Engine> {
  const tessdata = await tessdataFolder(models, workDir);
  const lang = models.map((m) => m.code).join('+');
  return {
    name,
    async recognize(image) {
      if (typeof image !== 'string') throw new Error('The CLI reads image files only.');
      const { stdout } = await run(
        'tesseract',
        [basename(image), 'stdout', '--tessdata-dir', tessdata, '-l', lang, '--oem', '1', '--psm', '3'],
        {
          cwd: dirname(image),
          maxBuffer: 64 * 1024 * 1024,
          env: threads === undefined ? process.env : { ...process.env, OMP_THREAD_LIMIT: String(threads) },
        },
      );
      return stdout;
    },
    close: async () => undefined,
  };
}

/** The app's own OCR (archive/ocr/recognize.ts: levelling, then tesseract.js with hin+eng), as an import runs it. */
export function archiveOcr(name: string): Engine {
  const engine = createOcrEngine();
  return {
    name,
    async recognize(image) {
      const bytes = typeof image === 'string' ? await readFile(image) : image;
      return (await engine.recognize(new Uint8Array(bytes))).text;
    },
    async warmUp(image) {
      await this.recognize(image);
    },
    close: () => engine.close(),
  };
}
