// The progress of a long command as one line on stderr, redrawn in place, only when stderr is a
// terminal: piped or redirected output (and so --json, which goes to stdout anyway) never gets it.
import type { Language } from '../archive/messages.ts';
import { progressMessage } from '../archive/progress-message.ts';
import type { ProgressSink } from '../archive/tasks.ts';

/** What the line needs of a stream (process.stderr, or a test's stand-in with isTTY set). */
export interface LineStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressLine {
  /** Where the service's progress goes; undefined when stderr is not a terminal. */
  sink: ProgressSink | undefined;
  /** Clears the line (before the command's own output). */
  done(): void;
}

export function progressLine(stream: LineStream, lang: Language): ProgressLine {
  if (!stream.isTTY) return { sink: undefined, done: () => {} };
  let shown = false;
  return {
    sink: (event) => {
      shown = true;
      // \r back to the start, the text, then erase what a longer previous line left.
      stream.write(`\r${progressMessage(event, lang)}\u001b[K`);
    },
    done: () => {
      if (shown) stream.write('\r\u001b[K');
      shown = false;
    },
  };
}
